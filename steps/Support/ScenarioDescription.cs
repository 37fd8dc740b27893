using System.Collections;
using System.Text.RegularExpressions;
using AllureParameter = Conformance.Reports.Allure.AllureParameter;
using ReportScenario = Conformance.Reports.Allure.ScenarioInfo;

namespace Conformance.Steps.Support;

/// <summary>Maps a Reqnroll scenario (tags, titles, outline arguments) to the report's <see cref="ReportScenario"/>.</summary>
public static partial class ScenarioDescription
{
    private static readonly (string Tag, string Interface)[] Interfaces =
    [
        ("es2plus", "ES2+"), ("es9plus", "ES9+"), ("es8plus", "ES8+"), ("es10a", "ES10a"), ("es10b", "ES10b"), ("es10c", "ES10c"), ("e2e", "end-to-end"),
        ("es11", "ES11"), ("es12", "ES12"),
    ];

    public static ReportScenario Of(FeatureInfo feature, ScenarioInfo scenario, TargetConfig? config)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        string[] tags = [.. feature.Tags.Concat(scenario.Tags).Distinct(StringComparer.Ordinal)];
        string side = tags.Contains("euicc") ? "euicc" : tags.Contains("smds") && !tags.Contains("smdp") ? "smds" : "smdp";
        var parameters = scenario.Arguments.Cast<DictionaryEntry>()
            .Select(a => new AllureParameter(a.Key.ToString()!, a.Value?.ToString() ?? "")).ToList();
        // An outline's title names its columns (<function>): filled in, each example row is its own scenario.
        string title = parameters.Aggregate(scenario.Title, (t, p) => t.Replace($"<{p.Name}>", p.Value, StringComparison.Ordinal));
        string? curve = tags.Contains("nist") ? "NIST" : tags.Contains("brp") ? "BRP" : null;
        if (curve is not null && !parameters.Any(p => p.Name == "curve"))
        {
            // The same example row under @nist and @brp is two scenarios: the curve keeps their history ids apart.
            parameters.Add(new AllureParameter("curve", curve));
        }
        return new ReportScenario(title, InterfaceOf(tags, feature.FolderPath), feature.Title)
        {
            TestCaseId = tags.FirstOrDefault(t => t.StartsWith("TC_", StringComparison.Ordinal)),
            Sequence = SequenceOf(title),
            Tags = tags,
            Curve = curve,
            Side = side,
            Target = config is null ? null : side == "euicc" ? config.Euicc.ToString() : side == "smds" ? config.SmdsTarget : config.SmdpTarget,
            Severity = tags.Contains("negative") ? "normal" : "critical",
            Description = scenario.Description ?? feature.Description,
            Parameters = parameters,
            FullName = $"{FeaturePath(feature)}: {title}",
        };
    }

    /// <summary>"#03" when the title starts with the SGP.23 sequence ("#03 invalid SM-DP+ address"), else null.</summary>
    public static string? SequenceOf(string title) =>
        SequenceRegex().Match(title) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>"features/smdp/es2plus/DownloadOrder.feature".</summary>
    public static string FeaturePath(FeatureInfo feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        string folder = feature.FolderPath.Replace('\\', '/').TrimStart('.', '/');
        return $"{folder}/{feature.Title}.feature";
    }

    private static string InterfaceOf(string[] tags, string folder) =>
        Interfaces.FirstOrDefault(i => tags.Contains(i.Tag)).Interface ?? Path.GetFileName(folder);

    /// <summary>A title that starts with the SGP.23 sequence: "#03 invalid SM-DP+ address".</summary>
    [GeneratedRegex(@"^(#\d{1,3})\b")]
    private static partial Regex SequenceRegex();
}
