using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

public class RunShardsTests
{
    private static readonly IReadOnlyList<RunShards.CompiledScenario> Compiled = RunShards.Scenarios(typeof(RunShards).Assembly);

    private static string Key(IEnumerable<string> tags) => string.Join(" ", tags.Select(t => t.TrimStart('@')).Order(StringComparer.Ordinal));

    [Test]
    public void TheCompiledScenariosAreTheScenariosOfTheFeatureFilesWithTheirTags()
    {
        // Read from the generated fixtures (feature, scenario and example-row tags) and from the Gherkin files:
        // the same scenarios with the same tags, so a filter built from one selects the other.
        var fromFiles = FeatureCatalog.Load(RepoPaths.Features).Select(s => Key(s.Tags)).Order(StringComparer.Ordinal).ToList();
        var compiled = Compiled.Select(s => Key(s.Tags)).Order(StringComparer.Ordinal).ToList();
        Assert.That(compiled, Has.Count.GreaterThan(100));
        Assert.That(compiled.Except(fromFiles), Is.Empty, "compiled only");
        Assert.That(fromFiles.Except(compiled), Is.Empty, "in the files only");
        Assert.That(compiled, Is.EqualTo(fromFiles));
    }

    [TestCase(null, 2)]
    [TestCase(null, 3)]
    [TestCase("@smdp and not @negative", 2)]
    [TestCase("@euicc", 4)]
    public void EverySelectedScenarioRunsInExactlyOneHostAndTheHostsAreBalanced(string? tags, int jobs)
    {
        TagExpression? selection = tags is null ? null : TagExpression.Parse(tags);
        int selected = Compiled.Count(s => selection is null || selection.Matches(s.Tags));
        IReadOnlyList<IReadOnlyList<RunShards.Unit>> plan = RunShards.Plan(Compiled, selection, jobs);

        Assert.That(plan, Has.Count.EqualTo(jobs));
        var units = plan.SelectMany(g => g).ToList();
        Assert.That(units.Select(u => (u.Fixture, u.Curve)), Is.Unique, "a unit in two hosts would run twice");
        Assert.That(units.Sum(u => u.Scenarios), Is.EqualTo(selected));
        foreach (RunShards.Unit unit in units)
        {
            Assert.That(unit.Scenarios, Is.EqualTo(Compiled.Count(s => s.Fixture == unit.Fixture && s.Curve == unit.Curve
                && (selection is null || selection.Matches(s.Tags)))), unit.Filter);
        }

        int[] loads = plan.Select(g => g.Sum(u => u.Scenarios)).ToArray();
        Assert.That(loads.Max() - loads.Min(), Is.LessThanOrEqualTo(units.Max(u => u.Scenarios)), string.Join(", ", loads));
    }

    [Test]
    public void AFeatureRunsOnItsTwoCurvesInTwoUnits()
    {
        var units = RunShards.Plan(Compiled, null, 1).Single()
            .Where(u => u.Fixture.EndsWith(".Es9Plus.AuthenticateClientFeature", StringComparison.Ordinal)).ToList();
        Assert.That(units.Select(u => u.Curve), Is.EquivalentTo(new[] { "nist", "brp" }));
        Assert.That(units.First(u => u.Curve == "nist").Filter,
            Is.EqualTo("(FullyQualifiedName~Conformance.Steps.Features.Smdp.Es9Plus.AuthenticateClientFeature.&Category=nist)"));
    }

    [Test]
    public void AUnitWithoutCurveLeavesTheCurvesOfItsFeatureOutOrTakesTheWholeFeature()
    {
        var scenarios = new[]
        {
            new RunShards.CompiledScenario("F.MixedFeature", new HashSet<string> { "euicc" }),
            new RunShards.CompiledScenario("F.MixedFeature", new HashSet<string> { "euicc", "nist" }),
            new RunShards.CompiledScenario("F.PlainFeature", new HashSet<string> { "euicc" }),
        };
        var units = RunShards.Plan(scenarios, null, 1).Single();
        Assert.That(units.Single(u => u.Fixture == "F.MixedFeature" && u.Curve is null).Filter,
            Is.EqualTo("(FullyQualifiedName~F.MixedFeature.&Category!=nist&Category!=brp)"));
        Assert.That(units.Single(u => u.Fixture == "F.PlainFeature").Filter, Is.EqualTo("FullyQualifiedName~F.PlainFeature."));
    }

    [Test]
    public void EachHostsFilterIsTheRunsSelectionNarrowedToItsUnits()
    {
        TargetConfig config = TargetConfig.Load(ConfigSources.From(name => name switch
        {
            "CONFORMANCE_TAGS" => "@smdp and not @negative",
            "CONFORMANCE_JOBS" => "2",
            _ => null,
        }));
        IReadOnlyList<string> filters = RunShards.Filters(config, typeof(RunShards).Assembly);
        Assert.That(filters, Has.Count.EqualTo(2));
        Assert.That(filters, Has.All.StartWith(RunSelection.TestFilter(config) + "&("));
    }

    [Test]
    public void OneHostNeedsNoShardFilter()
    {
        TargetConfig config = TargetConfig.Load(ConfigSources.From(name => name == "CONFORMANCE_JOBS" ? "1" : null));
        Assert.That(RunShards.Filters(config, typeof(RunShards).Assembly), Is.Empty);
        TargetConfig single = TargetConfig.Load(ConfigSources.From(name => name switch
        {
            "CONFORMANCE_JOBS" => "2",
            "CONFORMANCE_TAGS" => "@TC_eUICC_ES10c.GetEID",
            _ => null,
        }));
        Assert.That(RunShards.Filters(single, typeof(RunShards).Assembly), Is.Empty, "a selection of one unit runs in one host");
    }
}
