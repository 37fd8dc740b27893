namespace Conformance.Steps.Support;

/// <summary>The explicit order of the hooks (lower runs first; After hooks run in the same order).</summary>
public static class HookOrder
{
    /// <summary>BeforeTestRun: configuration, PKI, servers.</summary>
    public const int StartRun = 0;

    /// <summary>BeforeScenario / BeforeStep: the run is registered in the scenario container, the Allure recorder (and its step) started.</summary>
    public const int Harness = 0;

    /// <summary>AfterStep / AfterScenario: exchanges attached and the verdict written last, after every other After hook had its say.</summary>
    public const int Verdict = 100_000;
}
