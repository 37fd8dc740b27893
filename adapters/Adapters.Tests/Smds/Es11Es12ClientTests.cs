using System.Text.Json;
using Conformance.Adapters.Es11;
using Conformance.Adapters.Es12;
using Conformance.Adapters.Http;
using Conformance.Adapters.Tests.Http;
using Conformance.Rsp.StatusCodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Smds;

/// <summary>ES11 (SGP.22 §5.8) and ES12 (§5.9) over the JSON binding (§6.5.2) against WireMock: request shape, eventEntries, status.</summary>
public class Es11Es12ClientTests
{
    private static void Answer(WireMockTarget t, string path, string json) =>
        t.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json;charset=UTF-8")
                .WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0").WithBody(json));

    private const string Ok = """{"header":{"functionExecutionStatus":{"status":"Executed-Success"}}""";

    [Test]
    public async Task AuthenticateClientSendsTheSessionAndReadsTheEventEntries()
    {
        using var t = new WireMockTarget();
        Answer(t, "/gsma/rsp2/es11/authenticateClient",
            Ok + ""","transactionId":"0A0B0C","eventEntries":[{"eventId":"EV-1","rspServerAddress":"smdp.example.com"}]}""");
        var client = new Es11Client(new RspJsonClient(t.Transport));
        var r = await client.AuthenticateClientAsync(new Es11AuthenticateClientRequest([0x0A, 0x0B, 0x0C], [0xBF, 0x38, 0x00]));

        using JsonDocument sent = JsonDocument.Parse(t.Server.LogEntries.Single().RequestMessage!.Body!);
        Assert.That(sent.RootElement.GetProperty("transactionId").GetString(), Is.EqualTo("0A0B0C"));
        Assert.That(sent.RootElement.GetProperty("authenticateServerResponse").GetString(), Is.EqualTo("vzgA"));
        Assert.That(r.Value!.EventEntries, Is.EqualTo(new[] { new Es11EventEntry("EV-1", "smdp.example.com") }));
    }

    [Test]
    public void AnEventEntryWithoutItsAddressIsABindingFault()
    {
        using var t = new WireMockTarget();
        Answer(t, "/gsma/rsp2/es11/authenticateClient", Ok + ""","transactionId":"0A","eventEntries":[{"eventId":"EV-1"}]}""");
        var client = new Es11Client(new RspJsonClient(t.Transport));
        var e = Assert.ThrowsAsync<RspTransportException>(() => client.AuthenticateClientAsync(new Es11AuthenticateClientRequest([0x0A], [0xBF, 0x38, 0x00])));
        Assert.That(e!.Message, Does.Contain("eventEntries").And.Contain("rspServerAddress"));
    }

    [Test]
    public async Task RegisterEventSendsTheHeaderAndTheEventRecordAndReadsAFailure()
    {
        using var t = new WireMockTarget();
        Answer(t, "/gsma/rsp2/es12/registerEvent", """{"header":{"functionExecutionStatus":{"status":"Failed","statusCodeData":{"subjectCode":"8.9.5","reasonCode":"3.3"}}}}""");
        var client = new Es12Client(new RspJsonClient(t.Transport), "smdp-7");
        var r = await client.RegisterEventAsync(new Es12RegisterEventRequest("89049032123451234512345678901235", "smdp.example.com", "EV-1"));

        using JsonDocument sent = JsonDocument.Parse(t.Server.LogEntries.Single().RequestMessage!.Body!);
        Assert.That(sent.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "header", "eid", "rspServerAddress", "eventId", "forwardingIndicator" }));
        Assert.That(sent.RootElement.GetProperty("header").GetProperty("functionRequesterIdentifier").GetString(), Is.EqualTo("smdp-7"));
        Assert.That(sent.RootElement.GetProperty("forwardingIndicator").GetBoolean(), Is.False);
        Assert.That(r.FailedWith(FunctionStatusCodes.EventRecordAlreadyExists), Is.True, r.ToString());
    }
}
