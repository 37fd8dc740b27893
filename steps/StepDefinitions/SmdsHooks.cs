using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>After every @smds scenario: the Event Records it registered at the SM-DS under test are deleted (SmdsDriver.CleanupAsync).</summary>
[Binding]
public sealed class SmdsHooks(SmdsDriver smds)
{
    [AfterScenario("smds")]
    public Task CleanUpAsync() => smds.CleanupAsync();
}
