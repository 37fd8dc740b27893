using System.Text.Json;

namespace Conformance.Steps.Support;

/// <summary>
/// The optional SGP.22 features an SM-DP+ under test may declare (the <c>target</c> setting, SGP.23's applicability):
/// a scenario tagged <c>@option-NAME</c> needs NAME and is skipped, not failed, against an SM-DP+ that does not declare
/// it. The bundled reference offers every one but <see cref="V3Euicc"/>. features/_Glossary.md lists what is mandatory and what is optional.
/// </summary>
public static class SmdpFeatures
{
    public const string TagPrefix = "option-";

    /// <summary>Every optional feature by name, with the SGP.22 text that leaves it to the SM-DP+.</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ppk"] = "SGP.22 v2.5 §2.5.3, §5.5.4: the SM-DP+ may protect a profile with PPK-ENC/PPK-MAC (ReplaceSessionKeys, secondSequenceOf87)",
        ["metadata-split"] = "SGP.22 v2.5 §2.5.4: the SM-DP+ may split StoreMetadata over several '88' segments (sequenceOf88)",
        [V3Euicc] = "SGP.22 v2.5 §5.6.1: the SM-DP+ answers 8.8.3 / 3.1 to an eUICC version it does not support; one that also implements SGP.22 v3 accepts an eUICC declaring v3.0.0 in EUICCInfo1",
    };

    /// <summary>Accepting an eUICC of SGP.22 v3: only an SM-DP+ that implements v3 does, so it is never assumed (the bundled reference speaks v2).</summary>
    public const string V3Euicc = "sgp22-v3-euicc";

    /// <summary>What the bundled reference SM-DP+ offers without a declaration: every option but <see cref="V3Euicc"/>.</summary>
    public static IReadOnlySet<string> OfferedByReference { get; } = Known.Keys.Where(k => k != V3Euicc).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The options of a declaration file: <c>{"options": ["ppk", "metadata-split"]}</c>.
    /// </summary>
    /// <exception cref="ConfigException">Not such a file, or an option SGP.22 does not leave open; one sentence.</exception>
    public static IReadOnlySet<string> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ConfigException($"Setting {Settings.Target.Key}: {path} is not JSON ({e.Message.TrimEnd('.')}).");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("options", out JsonElement options) || options.ValueKind != JsonValueKind.Array
            || options.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String))
        {
            throw new ConfigException($"Setting {Settings.Target.Key}: {path} must be an object with an \"options\" array of names ({string.Join(", ", Known.Keys)}).");
        }

        var declared = options.EnumerateArray().Select(o => o.GetString()!).ToHashSet(StringComparer.Ordinal);
        if (declared.FirstOrDefault(o => !Known.ContainsKey(o)) is { } unknown)
        {
            throw new ConfigException($"Setting {Settings.Target.Key}: {path} declares '{unknown}', which is none of the optional features {string.Join(", ", Known.Keys)}.");
        }

        return declared;
    }

    /// <summary>The optional features a scenario with <paramref name="tags"/> needs.</summary>
    public static IEnumerable<string> NeededBy(IEnumerable<string> tags) =>
        tags.Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal)).Select(t => t[TagPrefix.Length..]);
}
