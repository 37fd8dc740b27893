using Conformance.Reports.Allure;

namespace Conformance.Reports.Coverage;

/// <summary>The coverage of one SGP.23 test case.</summary>
public sealed record TestCaseCoverage(
    CatalogTestCase TestCase,
    int Scenarios,
    int Passed,
    int Failed,
    int Broken,
    int Skipped,
    int NotRun,
    IReadOnlyList<string> MissingSequences,
    IReadOnlyList<string> ExtraSequences)
{
    /// <summary>The listed sequences that have a scenario, in catalog order.</summary>
    public IReadOnlyList<string> CoveredSequences { get; init; } = [];

    /// <summary>"#01 #02" covered and "#03 #05?" missing, as the matrix prints them ("?" marks a number the sources do not confirm).</summary>
    public (string Covered, string Missing) SequenceCells()
    {
        if (TestCase.Sequences.Count == 0)
        {
            return ("(not numbered)", "(not numbered)");
        }
        var covered = TestCase.Sequences.Where(s => CoveredSequences.Contains(s.Sequence)).Select(s => s.Label).ToList();
        var missing = TestCase.Sequences.Where(s => MissingSequences.Contains(s.Sequence)).Select(s => s.Label).ToList();
        return (covered.Count == 0 ? "none" : string.Join(' ', covered), missing.Count == 0 ? "none" : string.Join(' ', missing));
    }

    /// <summary>No scenario exists for this test case.</summary>
    public bool Uncovered => Scenarios == 0;

    /// <summary>Every catalog sequence has a scenario and at least one scenario exists.</summary>
    public bool Complete => Scenarios > 0 && MissingSequences.Count == 0;
}

/// <summary>
/// The SGP.23 coverage matrix: for each catalog test case, the scenarios that exist and
/// what this run made of them, plus the sequences the catalog lists that no scenario covers.
/// </summary>
public sealed class CoverageMatrix
{
    private CoverageMatrix(IReadOnlyList<TestCaseCoverage> rows, IReadOnlyList<ScenarioRef> unknown)
    {
        Rows = rows;
        UnknownScenarios = unknown;
    }

    /// <summary>One row per catalog test case, in catalog order.</summary>
    public IReadOnlyList<TestCaseCoverage> Rows { get; }

    /// <summary>Scenarios (existing or run) whose test-case ID is not in the catalog: usually a mistyped tag.</summary>
    public IReadOnlyList<ScenarioRef> UnknownScenarios { get; }

    public int TestCases => Rows.Count;
    public int CoveredTestCases => Rows.Count(r => !r.Uncovered);
    public int CompleteTestCases => Rows.Count(r => r.Complete);
    public int CatalogSequences => Rows.Sum(r => r.TestCase.Sequences.Count);
    public int MissingSequences => Rows.Sum(r => r.MissingSequences.Count);

    /// <param name="catalog">The SGP.23 catalog.</param>
    /// <param name="scenarios">Every scenario that exists (whether or not this run selected it).</param>
    /// <param name="verdicts">The verdicts of this run; a verdict without an existing scenario counts as one.</param>
    public static CoverageMatrix Build(Sgp23Catalog catalog, IEnumerable<ScenarioRef> scenarios, IEnumerable<ScenarioVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var verdictList = verdicts.ToList();
        // A scenario is identified by ID + sequence + name; verdicts of scenarios nobody listed still count as existing.
        var existing = scenarios
            .Concat(verdictList.Select(v => new ScenarioRef(v.TestCaseId, v.Sequence, v.Name)))
            .DistinctBy(s => (s.TestCaseId, Seq: Normalize(s.Sequence), s.Name))
            .ToList();
        var ids = catalog.TestCases.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var rows = catalog.TestCases.Select(t => Row(t, existing, verdictList)).ToList();
        var unknown = existing.Where(s => !ids.Contains(s.TestCaseId)).ToList();
        return new CoverageMatrix(rows, unknown);
    }

    private static TestCaseCoverage Row(CatalogTestCase testCase, List<ScenarioRef> existing, List<ScenarioVerdict> verdicts)
    {
        var mine = existing.Where(s => s.TestCaseId == testCase.Id).ToList();
        // The latest verdict per scenario (a re-run within the run replaces the earlier one).
        var ran = verdicts.Where(v => v.TestCaseId == testCase.Id)
            .GroupBy(v => (Seq: Normalize(v.Sequence), v.Name))
            .Select(g => g.Last().Status)
            .ToList();
        var present = mine.Select(s => Normalize(s.Sequence)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var listed = testCase.Sequences.Select(s => Normalize(s.Sequence)!).ToList();
        return new TestCaseCoverage(
            testCase,
            Scenarios: mine.Count,
            Passed: ran.Count(s => s == AllureStatus.Passed),
            Failed: ran.Count(s => s == AllureStatus.Failed),
            Broken: ran.Count(s => s == AllureStatus.Broken),
            Skipped: ran.Count(s => s == AllureStatus.Skipped),
            NotRun: Math.Max(0, mine.Count - ran.Count),
            MissingSequences: testCase.Sequences.Where(s => !present.Contains(Normalize(s.Sequence)!)).Select(s => s.Sequence).ToList(),
            ExtraSequences: listed.Count == 0 ? [] : present.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal).ToList())
        {
            CoveredSequences = testCase.Sequences.Where(s => present.Contains(Normalize(s.Sequence)!)).Select(s => s.Sequence).ToList(),
        };
    }

    /// <summary>"#1", "01", "#01" all mean sequence #01.</summary>
    internal static string? Normalize(string? sequence)
    {
        if (string.IsNullOrWhiteSpace(sequence))
        {
            return null;
        }
        var digits = sequence.Trim().TrimStart('#');
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? $"#{n:00}"
            : sequence.Trim();
    }
}
