using System.Text.Json.Nodes;
using Conformance.Adapters.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Http;

/// <summary>Every exchange lands in the recorder byte for byte, with headers and a decoded view.</summary>
public class RecordingTests
{
    [Test]
    public async Task AnExchangeIsRecordedWithHeadersBodiesAndADecodedView()
    {
        using var t = new WireMockTarget();
        const string answer = "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}}}";
        t.Server.Given(Request.Create().WithPath("/x").UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0").WithBody(answer));
        // EUICCInfo1 with svn 2.2.0 and empty key lists: BF20 { 82 03 020200, A9 00, AA 00 }.
        var body = new JsonObject { ["euiccInfo1"] = Convert.ToBase64String(Convert.FromHexString("BF200982030202 00A900AA00".Replace(" ", ""))) };
        await t.Json.PostAsync("x", body, "ES9+ Test", CancellationToken.None);

        RecordedExchange e = t.Recorder.Exchanges.Single();
        Assert.That(e.Kind, Is.EqualTo(ExchangeKind.Http));
        Assert.That(e.Label, Is.EqualTo("ES9+ Test"));
        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(e.Request, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())));
        Assert.That(e.Response, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(answer)));
        Assert.That(e.RequestHeaders, Does.Contain(new KeyValuePair<string, string>("X-Admin-Protocol", "gsma/rsp/v2.2.0")));
        Assert.That(e.RequestHeaders, Does.Contain(new KeyValuePair<string, string>("User-Agent", "gsma-rsp-lpad")));
        Assert.That(e.RequestContentType, Is.EqualTo("application/json"));
        Assert.That(e.DescribeRequest(), Does.Contain("EUICCInfo1").And.Contain("euiccInfo1 (base64)"));
        Assert.That(e.DescribeResponse(), Does.Contain("Executed-Success"));
        Assert.That(e.ToText(), Does.Contain("--- request ---").And.Contain("--- response ---"));
    }

    [Test]
    public void AnUndecodableBodyIsShownRawWithoutThrowing()
    {
        var e = new RecordedExchange
        {
            Kind = ExchangeKind.Es10,
            Label = "ES10b GetEUICCChallenge",
            Started = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.Zero,
            Request = [0xBF, 0x2E, 0x00],
            Response = [0xBF, 0x2E, 0x05, 0x80],
        };
        Assert.That(e.DescribeResponse(), Does.Contain("BF2E0580"));
        Assert.That(e.DescribeRequest(), Does.Contain("GetEuiccChallengeRequest"));
    }
}
