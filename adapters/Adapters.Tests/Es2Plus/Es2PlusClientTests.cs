using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Tests.Es2Plus;

/// <summary>The ES2+ JSON binding as the client writes and reads it (SGP.22 v2.5 §6.5.1, §6.5.2), against a canned HTTP handler.</summary>
public class Es2PlusClientTests
{
    private static readonly Es2PlusClientOptions Options = new() { BaseAddress = new Uri("https://smdp.example.com:8443/"), AdminProtocol = "gsma/rsp/v2.2.0", FunctionRequesterIdentifier = "op-7" };

    private sealed class Canned(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Seen { get; } = [];
        public Exception? Throw { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            if (Throw is not null)
            {
                throw Throw;
            }

            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            return new HttpResponseMessage(status) { Content = content };
        }
    }

    private const string Success = """{"header":{"functionExecutionStatus":{"status":"Executed-Success"}},"iccid":"89049032000000000017"}""";

    [Test]
    public async Task DownloadOrderSendsTheBindingsHeaderAndOnlyTheGivenFields()
    {
        var handler = new Canned(HttpStatusCode.OK, Success);
        var recorded = new ExchangeRecorder();
        using var client = new Es2PlusClient(Options, recorded, handler);

        Es2PlusResponse<DownloadOrderResult> r = await client.DownloadOrderAsync(new DownloadOrderRequest(Iccid: "89049032000000000017"));

        (HttpRequestMessage request, string body) = handler.Seen.Single();
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://smdp.example.com:8443/gsma/rsp2/es2plus/downloadOrder")));
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Headers.GetValues("X-Admin-Protocol").Single(), Is.EqualTo("gsma/rsp/v2.2.0"));
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        using JsonDocument sent = JsonDocument.Parse(body);
        JsonElement header = sent.RootElement.GetProperty("header");
        Assert.That(header.GetProperty("functionRequesterIdentifier").GetString(), Is.EqualTo("op-7"));
        Assert.That(header.GetProperty("functionCallIdentifier").GetString(), Is.Not.Empty);
        Assert.That(sent.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "header", "iccid" }), "eid and profileType are not sent when absent");
        Assert.That(r.ExecutionStatus.IsExecuted, Is.True);
        Assert.That(r.Result, Is.EqualTo(new DownloadOrderResult("89049032000000000017")));
        Assert.That(recorded.Exchanges.Single().StatusCode, Is.EqualTo(200));
        Assert.That(Encoding.UTF8.GetString(recorded.Exchanges.Single().Request), Is.EqualTo(body));
        Assert.That(r.Function, Is.EqualTo("DownloadOrder"));
        Assert.That(recorded.Exchanges.Single().Label, Is.EqualTo("ES2+ DownloadOrder"));
    }

    [Test]
    public async Task EveryCallHasItsOwnFunctionCallIdentifier()
    {
        var handler = new Canned(HttpStatusCode.OK, """{"header":{"functionExecutionStatus":{"status":"Executed-Success"}}}""");
        using var client = new Es2PlusClient(Options, null, handler);
        await client.ReleaseProfileAsync(new ReleaseProfileRequest("89049032000000000017"));
        await client.ReleaseProfileAsync(new ReleaseProfileRequest("89049032000000000017"));
        var ids = handler.Seen.Select(s => JsonDocument.Parse(s.Body).RootElement.GetProperty("header").GetProperty("functionCallIdentifier").GetString()).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task ConfirmOrderSendsReleaseFlagAsABooleanAndReadsTheResult()
    {
        var handler = new Canned(HttpStatusCode.OK, """{"header":{"functionExecutionStatus":{"status":"Executed-Success"}},"eid":"89049032123451234512345678901235","matchingId":"ABCDE-12345","smdpAddress":"smdp.example.com"}""");
        using var client = new Es2PlusClient(Options, null, handler);
        var r = await client.ConfirmOrderAsync(new ConfirmOrderRequest("89049032000000000017", ReleaseFlag: false, MatchingId: ""));
        using JsonDocument sent = JsonDocument.Parse(handler.Seen.Single().Body);
        Assert.That(sent.RootElement.GetProperty("releaseFlag").ValueKind, Is.EqualTo(JsonValueKind.False));
        Assert.That(sent.RootElement.GetProperty("matchingId").GetString(), Is.EqualTo(""), "an empty MatchingID is meaningful and is sent");
        Assert.That(r.Result, Is.EqualTo(new ConfirmOrderResult("89049032123451234512345678901235", "ABCDE-12345", "smdp.example.com")));
    }

    [Test]
    public async Task AFailedAnswerCarriesItsStatusCodeData()
    {
        var handler = new Canned(HttpStatusCode.OK, """{"header":{"functionExecutionStatus":{"status":"Failed","statusCodeData":{"subjectCode":"8.2.1","reasonCode":"3.9","message":"unknown"}}}}""");
        using var client = new Es2PlusClient(Options, null, handler);
        var r = await client.CancelOrderAsync(new CancelOrderRequest("89049032000000000017", CancelOrderRequest.Available));
        Assert.That(r.ExecutionStatus.IsExecuted, Is.False);
        Assert.That(r.Result, Is.Null);
        Assert.That((r.ExecutionStatus.SubjectCode, r.ExecutionStatus.ReasonCode), Is.EqualTo(("8.2.1", "3.9")));
        Assert.That(r.ExecutionStatus.Known, Is.SameAs(Conformance.Rsp.StatusCodes.FunctionStatusCodes.IccidUnknown));
    }

    [TestCase(HttpStatusCode.InternalServerError, Success, "application/json", "HTTP 500")]
    [TestCase(HttpStatusCode.OK, Success, "text/html", "Content-Type")]
    [TestCase(HttpStatusCode.OK, "not json", "application/json", "not JSON")]
    [TestCase(HttpStatusCode.OK, """{"iccid":"1"}""", "application/json", "header.functionExecutionStatus")]
    [TestCase(HttpStatusCode.OK, """{"header":{"functionExecutionStatus":{"status":"Done"}}}""", "application/json", "'Done'")]
    [TestCase(HttpStatusCode.OK, """{"header":{"functionExecutionStatus":{"status":"Executed-Success"}}}""", "application/json", "without its data")]
    public void AnAnswerOutsideTheBindingIsAProtocolError(HttpStatusCode status, string body, string contentType, string expected)
    {
        var recorded = new ExchangeRecorder();
        using var client = new Es2PlusClient(Options, recorded, new Canned(status, body, contentType));
        var e = Assert.ThrowsAsync<Es2PlusProtocolException>(() => client.DownloadOrderAsync(new DownloadOrderRequest(ProfileType: "Gold")));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(Encoding.UTF8.GetString(e.Exchange.Response!), Is.EqualTo(body));
        Assert.That(recorded.Exchanges, Has.Count.EqualTo(1), "the exchange is recorded even when the answer is rejected");
    }

    [Test]
    public void NoAnswerIsATransportErrorAndIsRecorded()
    {
        var recorded = new ExchangeRecorder();
        var handler = new Canned(HttpStatusCode.OK, Success) { Throw = new HttpRequestException("The SSL connection could not be established") };
        using var client = new Es2PlusClient(Options, recorded, handler);
        var e = Assert.ThrowsAsync<Es2PlusTransportException>(() => client.ReleaseProfileAsync(new ReleaseProfileRequest("89049032000000000017")));
        Assert.That(e!.Message, Does.Contain("SSL connection"));
        Assert.That(recorded.Exchanges.Single().Error, Does.Contain("SSL connection"));
        Assert.That(recorded.Exchanges.Single().StatusCode, Is.Null);
    }
}
