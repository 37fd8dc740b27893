using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace Conformance.Steps.Support;

/// <summary>
/// A step definition: keyword, its expression as written (a Cucumber expression or a regular expression), the
/// expression type Reqnroll gave it, the regular expression Reqnroll matches step text with, binding class, method and
/// the method's parameter count.
/// </summary>
public sealed record StepPattern(string Keyword, string Pattern, string ExpressionType, Regex Matcher, string BindingClass, string Method, int Parameters)
{
    /// <summary>True when Reqnroll would bind <paramref name="text"/> (of a step with this keyword) to this definition.</summary>
    public bool Matches(string keyword, string text) => keyword == Keyword && Matcher.IsMatch(text);

    /// <summary>
    /// The arguments Reqnroll passes for <paramref name="text"/>: the groups that took part in the match (an optional
    /// group that did not is left out, unlike SpecFlow 3.9), plus the data table or doc string when there is one.
    /// </summary>
    public int ArgumentsFor(string text, bool hasArgument) =>
        Matcher.Match(text).Groups.Cast<Group>().Skip(1).Count(g => g.Success) + (hasArgument ? 1 : 0);
}

/// <summary>
/// features/_StepCatalog.md: every step pattern of the bindings with an example taken from the feature
/// files. Generated (./conformance step-catalog); a test regenerates it and compares.
/// </summary>
public static class StepCatalog
{
    /// <summary>
    /// Every [Given]/[When]/[Then] of an assembly, by binding class then source order, as Reqnroll's own binding
    /// registry reads them: the expression type it detects and the regular expression it matches with, so a
    /// Cucumber expression ("the LPA calls {word}") is matched exactly as at run time.
    /// </summary>
    public static IReadOnlyList<StepPattern> Patterns(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Dictionary<MethodInfo, List<IStepDefinitionBinding>> bindings = StepBindings(assembly);
        return assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken)
                .SelectMany(m => bindings.GetValueOrDefault(m) ?? [])
                .Select(b => new StepPattern(b.StepDefinitionType.ToString(), b.SourceExpression, b.ExpressionType,
                    b.Regex ?? throw new InvalidOperationException($"step definition '{b.SourceExpression}' of {t.Name} is invalid: {b.ErrorMessage}"),
                    t.Name, ((RuntimeBindingMethod)b.Method).MethodInfo.Name, b.Method.Parameters.Count())))
            .ToList();
    }

    /// <summary>Reqnroll's step definitions of <paramref name="assembly"/>, by the method they bind.</summary>
    private static Dictionary<MethodInfo, List<IStepDefinitionBinding>> StepBindings(Assembly assembly)
    {
        // Reqnroll's start-up traces ("Loading plugin ...") go to standard output, which the catalog's callers read.
        TextWriter stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        ITestRunner runner;
        try
        {
            runner = TestRunnerManager.GetTestRunnerForAssembly(assembly);
        }
        finally
        {
            Console.SetOut(stdout);
        }

        try
        {
            var registry = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>();
            return registry.GetStepDefinitions()
                .GroupBy(b => ((RuntimeBindingMethod)b.Method).MethodInfo)
                .ToDictionary(g => g.Key, g => g.ToList());
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
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
          .Append("Patterns are Cucumber expressions or .NET regular expressions, as Reqnroll reads them (a regular expression\n")
          .Append("starts with `^` or ends with `$`); the example is the first use in `features/`.\n");
        foreach (var group in patterns.GroupBy(p => p.BindingClass))
        {
            sb.Append("\n## ").Append(group.Key).Append("\n\n| step | example | uses |\n|---|---|---|\n");
            foreach (StepPattern p in group)
            {
                var uses = steps.Where(s => p.Matches(s.Keyword, s.Text)).ToList();
                string example = uses.Count == 0 ? "(not used yet)" : $"{p.Keyword} {uses[0].Text}";
                sb.Append("| `").Append(p.Keyword).Append(' ').Append(Cell(p.Pattern)).Append("` | ")
                  .Append(Cell(example)).Append(" | ").Append(uses.Count).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
