using Conformance.Reports.Allure;

namespace Conformance.Reports.Coverage;

/// <summary>A scenario that exists in the feature files: its SGP.23 ID tag and sequence ("#01", or null).</summary>
public sealed record ScenarioRef(string TestCaseId, string? Sequence, string Name);

/// <summary>The verdict of a scenario in this run.</summary>
public sealed record ScenarioVerdict(string TestCaseId, string? Sequence, string Name, AllureStatus Status)
{
    /// <summary>
    /// The verdicts of allure results that carry a story label (the SGP.23 ID); the sequence
    /// comes from the "sequence" label. Run artifacts are left out.
    /// </summary>
    public static IReadOnlyList<ScenarioVerdict> FromResults(IEnumerable<AllureResult> results) =>
        results
            .Where(r => !r.IsRunArtifact && r.Label(AllureLabels.Story) is not null)
            .Select(r => new ScenarioVerdict(r.Label(AllureLabels.Story)!, r.Label(AllureLabels.Sequence), r.Name, r.Status))
            .ToList();
}
