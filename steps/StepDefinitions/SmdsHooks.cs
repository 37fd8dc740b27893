using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// After every @smds scenario: the Event Records it registered at the SM-DS under test are deleted (SmdsDriver.CleanupAsync)
/// and an order it confirmed naming an SM-DS, still pending, is cancelled (SmdpEventDriver.CleanupAsync).
/// </summary>
[Binding]
public sealed class SmdsHooks(SmdsDriver smds, SmdpEventDriver events)
{
    [AfterScenario("smds")]
    public async Task CleanUpAsync()
    {
        await events.CleanupAsync();
        await smds.CleanupAsync();
    }
}
