namespace Conformance.Steps.Support;

/// <summary>Opens the eUICC of the run's configuration (<see cref="TargetConfig.Euicc"/>): the emulator or a PC/SC card.</summary>
public static class EuiccUnderTest
{
    /// <summary>The eUICC for one scenario; the caller disposes it at the end of the scenario.</summary>
    /// <exception cref="EuiccUnavailableException">The PC/SC service, the reader or the card is missing (one sentence).</exception>
    public static IEuiccUnderTest Open(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Config.Euicc.IsEmulated
            ? EmulatedEuiccUnderTest.Create(run)
            : PcscEuiccUnderTest.Open(run);
    }
}
