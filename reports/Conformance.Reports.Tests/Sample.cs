using Conformance.Reports.Allure;

namespace Conformance.Reports.Tests;

/// <summary>Scenario descriptions and finished results used across tests.</summary>
internal static class Sample
{
    public const string IaNist = "TC_SM-DP+_ES9+.InitiateAuthenticationNIST";

    public static ScenarioInfo Info(string name = "invalid SM-DP+ address", string function = "InitiateAuthentication",
        string iface = "ES9+", string? id = IaNist, string? sequence = "#03") =>
        new(name, iface, function)
        {
            TestCaseId = id,
            Sequence = sequence,
            Tags = ["@smdp", "@es9plus", "@negative", "@" + id],
            Severity = "critical",
            Curve = "NIST",
            Target = "reference",
            Side = "smdp",
            Host = "test-host",
            Parameters = [new("smdpAddress", "wrong.example.com")],
            Links = [new("SGP.23 §4.3.12", "https://example.org/sgp23", "tms")],
        };

    /// <summary>Records and finishes a scenario with one step.</summary>
    public static AllureResult Run(AllureRun run, ScenarioInfo info, AllureStatus status, string? message = null)
    {
        var sc = run.StartScenario(info);
        sc.StartStep("When the LPA calls InitiateAuthentication");
        sc.EndStep(status, message is null ? null : new AllureStatusDetails(message, "trace of " + message));
        return sc.Finish(status, message is null ? null : new AllureStatusDetails(message, "trace of " + message));
    }
}
