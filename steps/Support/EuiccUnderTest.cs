namespace Conformance.Steps.Support;

/// <summary>Opens the eUICC of the run's configuration (<see cref="TargetConfig.Euicc"/>): the emulator or a PC/SC card.</summary>
public static class EuiccUnderTest
{
    /// <summary>The eUICC for one scenario; the caller disposes it at the end of the scenario.</summary>
    /// <exception cref="ConfigException">The configured target cannot be reached by this build.</exception>
    public static IEuiccUnderTest Open(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Config.Euicc.IsEmulated
            ? EmulatedEuiccUnderTest.Create(run)
            : throw new ConfigException($"Setting euicc ('{run.Config.Euicc}'): the PC/SC eUICC target is not wired in this build.");
    }
}
