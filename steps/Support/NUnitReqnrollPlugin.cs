using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(Conformance.Steps.Support.NUnitReqnrollPlugin))]

namespace Conformance.Steps.Support;

/// <summary>
/// The runtime half of Reqnroll's NUnit support, which the package source here does not serve (Reqnroll.NUnit):
/// the generator already writes NUnit code-behind with its built-in "nunit" provider, and the runtime resolves
/// <see cref="IUnitTestRuntimeProvider"/> under that name. Without it every scenario fails with
/// "IUnitTestRuntimeProvider('nunit') cannot be resolved".
/// </summary>
public sealed class NUnitReqnrollPlugin : IRuntimePlugin
{
    public const string ProviderName = "nunit";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        // Registered before the container resolves the provider by name (CustomizeGlobalDependencies comes after).
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}

/// <summary>
/// Pending, inconclusive and ignored scenarios as NUnit outcomes. With <c>missingOrPendingStepsOutcome: Error</c>
/// (reqnroll.json) undefined and pending steps fail instead of reaching <see cref="TestPending"/>; a step that
/// calls <c>Assert.Ignore</c> (a target that cannot offer what the scenario needs) ends it as skipped.
/// </summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Inconclusive(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        IgnoreException or InconclusiveException => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
