using Conformance.Reports.Coverage;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>
/// The sequence numbers of the scenario titles (<c>#05 ...</c>) against fixtures/sgp23/catalog.json: where the catalog
/// numbers a test case's sequences, a numbered scenario of that test case carries one of its numbers, so that the
/// coverage matrix puts it on the right sequence.
/// </summary>
public sealed class ScenarioSequencesTests
{
    [Test]
    public void EveryNumberedScenarioCarriesANumberTheCatalogListsForItsTestCase()
    {
        var catalog = Sgp23Catalog.Load(RepoPaths.Sgp23Catalog).TestCases.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var unknown = FeatureCatalog.Load(RepoPaths.Features)
            .Select(s => (Scenario: s, Sequence: ScenarioDescription.SequenceOf(s.Name)))
            .Where(x => x.Sequence is not null && x.Scenario.TestCaseId is { } id && catalog.TryGetValue(id, out var t) && t.Sequences.Count > 0
                && !catalog[id].Sequences.Any(c => Number(c.Sequence) == Number(x.Sequence!)))
            .Select(x => $"{x.Scenario.TestCaseId} {x.Scenario.Name} ({x.Scenario.FeaturePath})")
            .Distinct()
            .ToList();
        Assert.That(unknown, Is.Empty, "scenario titles with a sequence number the catalog does not list for their SGP.23 ID");
    }

    [Test]
    public void TheInitiateAuthenticationScenariosCoverTheirSequences()
    {
        var ids = FeatureCatalog.Load(RepoPaths.Features)
            .Where(s => s.TestCaseId == "TC_SM-DP+_ES9+.InitiateAuthenticationNIST")
            .Select(s => ScenarioDescription.SequenceOf(s.Name)).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        Assert.That(ids, Is.EqualTo(Enumerable.Range(1, 9).Select(i => $"#{i:00}")), "the one feature numbered today: a scenario per sequence");
    }

    private static int Number(string sequence) => int.Parse(sequence.TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture);
}
