using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests;

/// <summary>One log line per ES9+/ES2+ call with function, identifier and outcome.</summary>
public class CallLoggingTests
{
    [Test]
    public async Task EachCallLogsOneLineWithFunctionSubjectAndOutcome()
    {
        using var logs = new CollectingLoggerProvider();
        await using ServerHarness h = await ServerHarness.StartAsync(logs: logs);
        await h.Store.AddProfileAsync(new ProfileRecord { Iccid = "8904903200000088001", ProfileType = "Gold" });
        using HttpClient op = h.OperatorClient();
        await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid = "8904903200000088001" }));
        await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid = "8904903200000088001" }));
        await ServerHarness.PostAsync(op, "gsma/rsp2/es9plus/authenticateClient", "{\"transactionId\":\"A1B2\",\"authenticateServerResponse\":\"vzgA\"}");

        string[] calls = logs.Lines.Where(l => l.Category == "Conformance.SmdpPlus.Calls").Select(l => l.Message).ToArray();
        Assert.That(calls, Is.EqualTo(new[]
        {
            "ES2+ DownloadOrder iccid=8904903200000088001 outcome=Executed-Success",
            "ES2+ DownloadOrder iccid=8904903200000088001 outcome=Failed 8.2.1 / 3.3",
            "ES9+ AuthenticateClient transactionId=A1B2 outcome=Failed 1.1 / 2.1",
        }));
    }
}
