using System.Reflection;

// An NUnit SetUpFixture covers the fixtures of its namespace and below: the generated ones are Conformance.Steps.Features.*.
namespace Conformance.Steps;

/// <summary>
/// Starts and ends Reqnroll's test run around NUnit's (what Reqnroll.NUnit's generated assembly hooks do), so the
/// <c>[BeforeTestRun]</c>/<c>[AfterTestRun]</c> hooks (<see cref="Support.RunHooks"/>) run once per test host.
/// </summary>
[SetUpFixture]
public sealed class NUnitTestRun
{
    private static Assembly Steps => typeof(NUnitTestRun).Assembly;

    [OneTimeSetUp]
    public static Task StartAsync() => TestRunnerManager.OnTestRunStartAsync(Steps);

    [OneTimeTearDown]
    public static Task EndAsync() => TestRunnerManager.OnTestRunEndAsync(Steps);
}
