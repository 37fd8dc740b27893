using System.Globalization;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issues #5 and #6, the harness catches real defects: for each entry of fixtures/defects/*.json the selected
/// scenarios run against the bundled reference with that defect on, and at least one must FAIL with the
/// entry's fragment in its message; once, the union of the selections must pass with no defect (so that a
/// failure is the defect's doing). Each entry is one test here, so ./conformance test counts it; ./conformance
/// defects runs only these and prints the table the tests leave in .build/defects/.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class DefectProofTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Where each test leaves its table row (tab-separated) for scripts/defects.sh.</summary>
    public static string RowsDirectory => Path.Combine(RepoPaths.Root, ".build", "defects", "rows");

    public static IEnumerable<TestCaseData> Entries() =>
        DefectFixtures.Chosen().Select((e, i) => new TestCaseData(e).SetName($"{e.Side} {e.Defect} #{i}").SetCategory("defects"));

    public static IEnumerable<TestCaseData> Baseline() =>
        DefectFixtures.Chosen().Count == 0 ? [] : [new TestCaseData(DefectFixtures.Chosen()).SetName("the selections pass with no defect").SetCategory("defects")];

    [Test]
    [NonParallelizable]
    public void TheFixtureFilesAreWellFormed()
    {
        // Throws InvalidDataException naming the file and entry on any unknown defect, missing field or bad tag expression.
        IReadOnlyList<DefectEntry> all = DefectFixtures.All();
        var duplicates = all.GroupBy(e => (e.Side, e.Defect, e.Tags)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.That(duplicates, Is.Empty, "entries listed twice");
    }

    [TestCaseSource(nameof(Entries))]
    public async Task DefectIsCaught(DefectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var settings = new Dictionary<string, string> { [Settings.Tags.Env] = entry.Tags, [entry.Variable] = entry.Defect };
        int selected = HarnessProcess.Selected(settings).Count;
        HarnessRunResult run = selected == 0 ? Empty : await HarnessProcess.RunAsync(settings, OutOf(entry), Limit);

        ScenarioResult? caught = CatchingScenario(entry, run.Scenarios);
        ScenarioResult? otherFailure = run.Scenarios.FirstOrDefault(s => s.Failed);
        string message = caught?.Message ?? otherFailure?.Message ?? (run.Scenarios.Count == 0 ? "(no scenario ran)" : "(every scenario passed)");
        WriteRow(entry, run.Scenarios.Count, caught is not null, message, run.Elapsed);

        Assert.That(selected, Is.GreaterThan(0), $"tags '{entry.Tags}' select no scenario");
        Assert.That(run.Scenarios, Has.Count.EqualTo(selected), $"the run has results for {run.Scenarios.Count} of the {selected} selected scenarios:\n{HarnessProcess.Why(run.Log)}");
        Assert.That(caught, Is.Not.Null,
            $"{entry.Defect} was not caught: no scenario of '{entry.Tags}' failed with '{entry.Expect}'; first failure: {message}");
    }

    [TestCaseSource(nameof(Baseline))]
    public async Task SelectionsPassWithoutDefects(IReadOnlyList<DefectEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        string tags = string.Join(" or ", entries.Select(e => e.Tags).Distinct().Select(t => $"({t})"));
        var settings = new Dictionary<string, string> { [Settings.Tags.Env] = tags };
        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(Path.GetTempPath(), $"conformance-defects-baseline-{Environment.ProcessId}"), Limit);
        WriteRow(new DefectEntry("none", "(no defect)", tags, "", null), run.Scenarios.Count, null, run.Scenarios.FirstOrDefault(s => !s.Passed)?.Message ?? "(every scenario passed)", run.Elapsed);

        Assert.That(run.Scenarios, Is.Not.Empty, $"no scenario ran:\n{HarnessProcess.Why(run.Log)}");
        // A scenario the bundled reference does not offer (an optional feature it does not declare) is skipped as not
        // applicable: it proves nothing either way, and no entry counts it as a catch.
        Assert.That(run.Scenarios.Where(s => !s.Passed && !NotApplicable(s)).Select(s => $"{s.Name}: {s.Message}"), Is.Empty,
            "without any defect these scenarios must pass, or their failures under a defect prove nothing");
    }

    /// <summary>The first scenario that FAILED with the entry's fragment in its message, or null: the defect went unseen.</summary>
    public static ScenarioResult? CatchingScenario(DefectEntry entry, IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return results.FirstOrDefault(s => s.Failed && s.Message?.Contains(entry.Expect, StringComparison.Ordinal) == true);
    }

    private static readonly HarnessRunResult Empty = new(0, [], TimeSpan.Zero, "", "");

    private static string OutOf(DefectEntry e) =>
        Path.Combine(Path.GetTempPath(), $"conformance-defects-{Environment.ProcessId}", $"{e.Side}-{e.Defect}-{Math.Abs(e.Tags.GetHashCode(StringComparison.Ordinal))}");

    private static void WriteRow(DefectEntry e, int scenarios, bool? caught, string message, TimeSpan elapsed)
    {
        string firstLine = message.Split('\n', 2)[0].Trim();
        string verdict = caught switch { true => "yes", false => "NO", null => firstLine.StartsWith('(') ? "passes" : "FAILS" };
        string row = string.Join('\t', e.Side, e.Defect, scenarios.ToString(CultureInfo.InvariantCulture), verdict,
            elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), e.Tags, firstLine);
        TestContext.Out.WriteLine(row);
        Directory.CreateDirectory(RowsDirectory);
        File.WriteAllText(Path.Combine(RowsDirectory, $"{e.Side}-{e.Defect}-{Guid.NewGuid():N}.tsv"), row + "\n");
    }

    private static bool NotApplicable(ScenarioResult s) =>
        s.Outcome == "skipped" && s.Message?.StartsWith("Not applicable to this target: ", StringComparison.Ordinal) == true;
}
