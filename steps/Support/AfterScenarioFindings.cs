namespace Conformance.Steps.Support;

/// <summary>
/// Findings of After-scenario hooks (clean-up that cannot put the card or the SM-DP+ back), scenario-scoped.
/// A hook records them here instead of throwing: an exception out of an After hook would stop the later hooks,
/// and with them <see cref="ScenarioHooks"/>, which writes the scenario's result (the scenario would vanish from
/// the report). The verdict hook fails a scenario that had passed with them, then raises them for the runner.
/// </summary>
public sealed class AfterScenarioFindings
{
    private readonly List<string> _findings = [];

    public IReadOnlyList<string> All => _findings;

    public void Add(string finding) => _findings.Add(finding);
}
