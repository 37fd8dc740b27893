using System.Text.RegularExpressions;
using Conformance.Reports.Coverage;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>The feature files against the glossary, the SGP.23 catalog and the generated step catalog.</summary>
public partial class FeatureFilesTests
{
    private static readonly IReadOnlyList<FeatureScenario> Scenarios = FeatureCatalog.Load(RepoPaths.Features);

    [Test]
    public void TheStepCatalogIsCurrent()
    {
        string expected = StepCatalog.Render(StepCatalog.Patterns(typeof(HarnessRun).Assembly), Scenarios);
        string actual = File.Exists(RepoPaths.StepCatalog) ? File.ReadAllText(RepoPaths.StepCatalog) : "";
        Assert.That(actual, Is.EqualTo(expected), "features/_StepCatalog.md is out of date: run ./conformance step-catalog");
    }

    [Test]
    public void EveryStepPatternIsUsedByAFeature()
    {
        var unused = StepCatalog.Patterns(typeof(HarnessRun).Assembly)
            .Where(p => !Scenarios.SelectMany(s => s.Steps).Any(s => p.Matches(s.Keyword, s.Text)))
            .Select(p => $"{p.BindingClass}.{p.Method}");
        Assert.That(unused, Is.Empty);
    }

    [Test]
    public void EveryStepOfAFeatureMatchesExactlyOnePattern()
    {
        IReadOnlyList<StepPattern> patterns = StepCatalog.Patterns(typeof(HarnessRun).Assembly);
        var wrong = Scenarios.SelectMany(s => s.Steps.Select(step => (s, step)))
            .Select(x => (x.s, x.step, matches: patterns.Where(p => p.Matches(x.step.Keyword, x.step.Text)).ToList()))
            .Where(x => x.matches.Count != 1)
            .Select(x => $"{x.s.FeaturePath}: {x.step.Keyword} {x.step.Text} -> " +
                (x.matches.Count == 0 ? "no step definition" : "ambiguous: " + string.Join(", ", x.matches.Select(m => $"{m.BindingClass}.{m.Method}"))))
            .Distinct();
        Assert.That(wrong, Is.Empty, "Reqnroll fails such a step at run time (undefined or ambiguous)");
    }

    [Test]
    public void EveryStepGivesItsMethodOneArgumentPerParameter()
    {
        IReadOnlyList<StepPattern> patterns = StepCatalog.Patterns(typeof(HarnessRun).Assembly);
        var wrong = Scenarios.SelectMany(s => s.Steps.Select(step => (s, step)))
            .SelectMany(x => patterns.Where(p => p.Matches(x.step.Keyword, x.step.Text)).Select(p => (x.s, x.step, p)))
            .Where(x => x.p.ArgumentsFor(x.step.Text, x.step.HasArgument) != x.p.Parameters)
            .Select(x => $"{x.s.FeaturePath}: {x.step.Keyword} {x.step.Text} -> {x.p.BindingClass}.{x.p.Method} takes {x.p.Parameters}, " +
                $"gets {x.p.ArgumentsFor(x.step.Text, x.step.HasArgument)}")
            .Distinct();
        Assert.That(wrong, Is.Empty, "Reqnroll fails such a step at run time (parameter count mismatch); an optional part is an alternative with an empty branch: '( again|)'");
    }

    [Test]
    public void EveryTagIsDefinedInTheGlossary()
    {
        string glossary = File.ReadAllText(RepoPaths.Glossary);
        var defined = GlossaryTag().Matches(glossary).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var used = Scenarios.SelectMany(s => s.Tags).Where(t => !t.StartsWith("TC_", StringComparison.Ordinal)).Distinct();
        Assert.That(used.Where(t => !defined.Contains(t)), Is.Empty, "tags used in features/ but not defined in features/_Glossary.md");
    }

    [Test]
    public void EverySgp23IdIsInTheCatalogAndEveryScenarioHasOne()
    {
        var ids = Sgp23Catalog.Load(RepoPaths.Sgp23Catalog).TestCases.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // SGP.23 names no SM-DS test case in the catalog: an @smds scenario carries an ID only where one applies.
        Assert.That(Scenarios.Where(s => s.TestCaseId is null && !s.Tags.Contains("smds")).Select(s => s.Name), Is.Empty, "scenarios without an SGP.23 ID tag");
        Assert.That(Scenarios.Select(s => s.TestCaseId).Where(id => id is not null && !ids.Contains(id)).Distinct(), Is.Empty, "SGP.23 IDs not in fixtures/sgp23/catalog.json");
    }

    [Test]
    public void EveryScenarioNamesItsSide()
    {
        // The side under test: @smdp or @euicc; an SM-DS under test (features/smds/) carries @smds alone.
        Assert.That(Scenarios.Where(s => s.Tags.Contains("smdp") == s.Tags.Contains("euicc") && !(s.Tags.Contains("smds") && !s.Tags.Contains("smdp"))).Select(s => s.Name), Is.Empty,
            "each scenario is tagged exactly one of @smdp / @euicc, or @smds alone");
    }

    [Test]
    public void OutlinesExpandOncePerExampleRow()
    {
        var refused = Scenarios.Where(s => s.FeaturePath.EndsWith("DownloadOrder.feature", StringComparison.Ordinal) && s.Name.EndsWith("is refused", StringComparison.Ordinal)).ToList();
        Assert.That(refused.Select(s => s.Name), Does.Contain("ConfirmOrder with a client certificate from an untrusted CA is refused"));
        Assert.That(refused.Select(s => s.Name).Distinct().Count(), Is.EqualTo(refused.Count), "each row is its own scenario");
        Assert.That(refused.All(s => s.Steps.Count > 0 && !s.Steps.Any(x => x.Text.Contains('<', StringComparison.Ordinal) && x.Text.Contains("<function>", StringComparison.Ordinal))), Is.True);
    }

    /// <summary>A glossary entry: a table row starting with the tag in backticks, "| `@negative` |".</summary>
    [GeneratedRegex(@"^\|\s*`@([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex GlossaryTag();
}
