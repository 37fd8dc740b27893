using Conformance.Reports.Allure;

namespace Conformance.Steps.Support;

/// <summary>
/// Starts and ends the run: reads the configuration, starts the PKI, the reference SM-DP+ and the
/// operator endpoint, opens the Allure results. A configuration or start-up problem does not abort the
/// process: it is kept as one sentence, and every scenario then fails with it (ScenarioHooks).
/// </summary>
[Binding]
public static class RunHooks
{
    /// <summary>The running harness, or null when it could not start.</summary>
    public static HarnessRun? Current { get; private set; }

    /// <summary>Why the harness could not start (one sentence), or null.</summary>
    public static string? StartupError { get; private set; }

    [BeforeTestRun(Order = HookOrder.StartRun)]
    public static async Task StartRunAsync()
    {
        try
        {
            TargetConfig config = TargetConfig.Load();
            Current = await HarnessRun.StartAsync(config).ConfigureAwait(false);
            if (!HarnessRun.WritesRunFiles)
            {
                return;
            }

            Current.Allure.WriteEnvironment(Current.EnvironmentProperties());
            Current.Allure.WriteCategories();
            Current.Allure.WriteExecutor(new AllureExecutor("conformance", "local", BuildName: $"run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC", ReportName: "RSP conformance"));
        }
        catch (ConfigException e)
        {
            StartupError = e.Message;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException or System.Net.Sockets.SocketException)
        {
            StartupError = $"The harness could not start: {e.Message}";
        }
    }

    [AfterTestRun(Order = HookOrder.StartRun)]
    public static async Task EndRunAsync()
    {
        if (Current is { } run)
        {
            Current = null;
            await run.DisposeAsync().ConfigureAwait(false);
        }
    }
}
