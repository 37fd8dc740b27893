using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Steps.Support;

/// <summary>A step definition: keyword, regex pattern, binding class and method.</summary>
public sealed record StepPattern(string Keyword, string Pattern, string BindingClass, string Method);

/// <summary>
/// features/_StepCatalog.md: every step pattern of the bindings with an example taken from the feature
/// files. Generated (./conformance step-catalog); a test regenerates it and compares.
/// </summary>
public static class StepCatalog
{
    /// <summary>Every [Given]/[When]/[Then] of an assembly, by binding class then source order.</summary>
    public static IReadOnlyList<StepPattern> Patterns(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken)
                .SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>()
                    .Select(a => new StepPattern(Keyword(a), a.Regex, t.Name, m.Name))))
            .ToList();
    }

    /// <summary>The catalog text (stable: same bindings and features, same bytes).</summary>
    public static string Render(IReadOnlyList<StepPattern> patterns, IReadOnlyList<FeatureScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(scenarios);
        var steps = scenarios.SelectMany(s => s.Steps).ToList();
        var sb = new StringBuilder();
        sb.Append("# Step catalog\n\n")
          .Append("Generated from the bindings of `steps/` and the feature files: do not edit. Regenerate with\n")
          .Append("`./conformance step-catalog`; a test of `Conformance.Steps.Tests` fails when this file is out of date.\n")
          .Append("Patterns are .NET regular expressions (SpecFlow 3.9); the example is the first use in `features/`.\n");
        foreach (var group in patterns.GroupBy(p => p.BindingClass))
        {
            sb.Append("\n## ").Append(group.Key).Append("\n\n| step | example | uses |\n|---|---|---|\n");
            foreach (StepPattern p in group)
            {
                var regex = new Regex(p.Pattern, RegexOptions.CultureInvariant);
                var uses = steps.Where(s => s.Keyword == p.Keyword && regex.IsMatch(s.Text)).ToList();
                string example = uses.Count == 0 ? "(not used yet)" : $"{p.Keyword} {uses[0].Text}";
                sb.Append("| `").Append(p.Keyword).Append(' ').Append(Cell(p.Pattern)).Append("` | ")
                  .Append(Cell(example)).Append(" | ").Append(uses.Count).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string Keyword(StepDefinitionBaseAttribute a) => a switch
    {
        GivenAttribute => "Given",
        WhenAttribute => "When",
        ThenAttribute => "Then",
        _ => a.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
