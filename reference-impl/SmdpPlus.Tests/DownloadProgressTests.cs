using System.Diagnostics;
using System.Text.Json;
using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Conformance.SmdpPlus.Tests;

/// <summary>HandleDownloadProgressInfo reaches the operator endpoint (a loopback WireMock) without blocking anyone.</summary>
public class DownloadProgressTests
{
    private const string Eid = "89049032123451234512345678901235";

    private static async Task<string> ReleasedProfileAsync(ServerHarness h, string iccid)
    {
        await h.Store.AddProfileAsync(new ProfileRecord { Iccid = iccid, ProfileType = "Gold" });
        using HttpClient op = h.OperatorClient();
        await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid, eid = Eid }));
        await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/confirmOrder", ServerHarness.Es2Json(new { iccid, releaseFlag = true }));
        Assert.That((await h.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Released));
        return iccid;
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForAsync(WireMockServer mock, int count)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            var bodies = mock.LogEntries.Where(e => e.RequestMessage!.Path == DownloadProgressNotifier.FunctionPath).ToList();
            if (bodies.Count >= count)
            {
                return bodies.Select(e => JsonDocument.Parse(e.RequestMessage!.Body!).RootElement.Clone()).ToList();
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {count} HandleDownloadProgressInfo calls arrived");
        return [];
    }

    [Test]
    public async Task StateChangesOfTheDownloadAreDelivered()
    {
        using WireMockServer mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath(DownloadProgressNotifier.FunctionPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(204));
        await using ServerHarness h = await ServerHarness.StartAsync(o => o with { OperatorCallbackUrl = new Uri(mock.Url!) });
        string iccid = await ReleasedProfileAsync(h, "8904903200000077001");
        Assert.That(mock.LogEntries, Is.Empty, "the ES2+ phase itself is not reported back");

        await h.Store.ChangeStateAsync(iccid, SmdpProfileState.Released, SmdpProfileState.Downloaded, Eid);
        await h.Store.ChangeStateAsync(iccid, SmdpProfileState.Downloaded, SmdpProfileState.Installed, Eid);
        IReadOnlyList<JsonElement> calls = await WaitForAsync(mock, 2);

        JsonElement first = calls[0];
        Assert.That(first.GetProperty("header").GetProperty("functionRequesterIdentifier").GetString(), Is.Not.Empty);
        Assert.That(first.GetProperty("header").GetProperty("functionCallIdentifier").GetString(), Is.Not.Empty);
        Assert.That(first.GetProperty("iccid").GetString(), Is.EqualTo(iccid));
        Assert.That(first.GetProperty("eid").GetString(), Is.EqualTo(Eid));
        Assert.That(first.GetProperty("profileType").GetString(), Is.EqualTo("Gold"));
        Assert.That(first.GetProperty("timestamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(first.GetProperty("notificationPointId").GetInt32(), Is.EqualTo(3));
        Assert.That(first.GetProperty("notificationPointStatus").GetProperty("status").GetString(), Is.EqualTo("Executed-Success"));
        Assert.That(calls[1].GetProperty("notificationPointId").GetInt32(), Is.EqualTo(4));
        var entry = mock.LogEntries.First();
        Assert.That(entry.RequestMessage!.Headers!["X-Admin-Protocol"].Single(), Does.StartWith("gsma/rsp/v2."));
        Assert.That(entry.RequestMessage!.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
    }

    [Test]
    public async Task FailedDeliveryIsRetried()
    {
        using WireMockServer mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath(DownloadProgressNotifier.FunctionPath).UsingPost())
            .InScenario("flaky").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(503));
        mock.Given(Request.Create().WithPath(DownloadProgressNotifier.FunctionPath).UsingPost())
            .InScenario("flaky").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(204));
        await using ServerHarness h = await ServerHarness.StartAsync(o => o with { OperatorCallbackUrl = new Uri(mock.Url!) });
        string iccid = await ReleasedProfileAsync(h, "8904903200000077002");

        await h.Store.ChangeStateAsync(iccid, SmdpProfileState.Released, SmdpProfileState.Error, Eid);
        IReadOnlyList<JsonElement> calls = await WaitForAsync(mock, 2);
        Assert.That(calls[1].GetProperty("notificationPointStatus").GetProperty("status").GetString(), Is.EqualTo("Failed"));
        DownloadProgressNotifier notifier = (DownloadProgressNotifier)h.Server.Services.GetService(typeof(DownloadProgressNotifier))!;
        var sw = Stopwatch.StartNew();
        while (notifier.Delivered == 0 && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.That((notifier.Delivered, notifier.Dropped), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task AnUnresponsiveOperatorNeverBlocksTheCaller()
    {
        using WireMockServer mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath(DownloadProgressNotifier.FunctionPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(204).WithDelay(TimeSpan.FromSeconds(5)));
        await using ServerHarness h = await ServerHarness.StartAsync(o => o with
        {
            OperatorCallbackUrl = new Uri(mock.Url!),
            OperatorCallbackTimeout = TimeSpan.FromSeconds(1.5),
            OperatorCallbackAttempts = 2,
        });
        string iccid = await ReleasedProfileAsync(h, "8904903200000077003");

        var sw = Stopwatch.StartNew();
        await h.Store.ChangeStateAsync(iccid, SmdpProfileState.Released, SmdpProfileState.Downloaded, Eid);
        Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the state change does not wait for the operator");

        DownloadProgressNotifier notifier = (DownloadProgressNotifier)h.Server.Services.GetService(typeof(DownloadProgressNotifier))!;
        while (notifier.Dropped == 0 && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.That((notifier.Delivered, notifier.Dropped), Is.EqualTo((0, 1)), "two attempts timed out, then the message was dropped (logged)");
    }
}
