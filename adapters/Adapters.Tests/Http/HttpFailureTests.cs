using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Conformance.Adapters.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Http;

/// <summary>
/// What the JSON binding client does with an SM-DP+ that misbehaves: each case is a typed
/// <see cref="RspTransportException"/> whose message is one sentence, with the answer attached.
/// </summary>
public class HttpFailureTests
{
    private const string Path = "gsma/rsp2/es9plus/initiateAuthentication";
    private static readonly JsonObject Body = new() { ["smdpAddress"] = "testsmdpplus1.example.com" };

    private static void Answer(WireMockTarget t, int status, string contentType, string body, bool adminProtocol = true)
    {
        IResponseBuilder r = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (adminProtocol)
        {
            r = r.WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0");
        }
        t.Server.Given(Request.Create().WithPath("/" + Path).UsingPost()).RespondWith(r);
    }

    private static RspTransportException Fails(WireMockTarget t) =>
        Assert.ThrowsAsync<RspTransportException>(() => t.Json.PostAsync(Path, Body, "ES9+ InitiateAuthentication", CancellationToken.None))!;

    private static void OneSentence(RspTransportException e)
    {
        Assert.That(e.Message, Does.StartWith("ES9+ InitiateAuthentication: "));
        Assert.That(e.Message, Does.EndWith("."));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void AHangingServerIsATimeout()
    {
        using var t = new WireMockTarget(timeout: TimeSpan.FromMilliseconds(300));
        t.Server.Given(Request.Create().WithPath("/" + Path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)));
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.Timeout));
        Assert.That(e.Message, Does.Contain("no complete answer within 0.3 s"));
        OneSentence(e);
        Assert.That(t.Recorder.Exchanges.Single().Error, Is.EqualTo(e.Message));
        Assert.That(t.Recorder.Exchanges.Single().Response, Is.Null);
    }

    [Test]
    public void AnHtmlPageIsTheWrongContentType()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "text/html", "<html><body>Service Unavailable</body></html>");
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.WrongContentType));
        Assert.That(e.Message, Does.Contain("'text/html'").And.Contain("application/json").And.Contain("<html>"));
        Assert.That(e.Body, Is.EqualTo("<html><body>Service Unavailable</body></html>"u8.ToArray()));
        OneSentence(e);
    }

    [Test]
    public void HtmlLabelledAsJsonIsNotJson()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json", "<html>oops</html>");
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.NotJson));
        OneSentence(e);
    }

    [Test]
    public void TruncatedJsonIsInvalidJson()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json;charset=UTF-8", "{\"header\":{\"functionExecutionStatus\":");
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidJson));
        Assert.That(e.Body, Is.Not.Empty);
        OneSentence(e);
    }

    [Test]
    public void JsonWithoutTheResponseHeaderIsInvalidJson()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json", "{\"transactionId\":\"01\"}");
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidJson));
        Assert.That(e.Message, Does.Contain("no 'header' object"));
    }

    [Test]
    public void AnUnknownStatusValueIsInvalidJson()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json", "{\"header\":{\"functionExecutionStatus\":{\"status\":\"OK\"}}}");
        Assert.That(Fails(t).Message, Does.Contain("status 'OK'"));
    }

    [Test]
    public void Http500IsAnHttpStatusFailureWithTheBody()
    {
        using var t = new WireMockTarget();
        Answer(t, 500, "text/plain", "java.lang.NullPointerException");
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.HttpStatus));
        Assert.That(e.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(e.Message, Does.Contain("HTTP 500").And.Contain("NullPointerException"));
        Assert.That(e.Body, Is.EqualTo("java.lang.NullPointerException"u8.ToArray()));
        OneSentence(e);
    }

    [Test]
    public void JsonUnderTextPlainIsTheWrongContentType()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "text/plain", "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}}}");
        Assert.That(Fails(t).Kind, Is.EqualTo(RspTransportFailure.WrongContentType));
    }

    [Test]
    public void AMissingAdminProtocolHeaderIsReported()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json", "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}}}", adminProtocol: false);
        RspTransportException e = Fails(t);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.MissingHeader));
        Assert.That(e.Name, Is.EqualTo("X-Admin-Protocol"));
        OneSentence(e);
    }

    [Test]
    public void FailedWithoutStatusCodeDataIsInvalidJson()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json", "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\"}}}");
        Assert.That(Fails(t).Message, Does.Contain("Failed without statusCodeData"));
    }

    [Test]
    public async Task AFailedStatusIsAResultNotAnException()
    {
        using var t = new WireMockTarget();
        Answer(t, 200, "application/json",
            "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\",\"statusCodeData\":{\"subjectCode\":\"8.8.1\",\"reasonCode\":\"3.8\",\"message\":\"Invalid SM-DP+ Address\"}}}}");
        RspJsonAnswer a = await t.Json.PostAsync(Path, Body, "ES9+ InitiateAuthentication", CancellationToken.None);
        Assert.That(a.Status.IsFailed, Is.True);
        Assert.That(a.Status.FailedWith(Rsp.StatusCodes.FunctionStatusCodes.InvalidSmdpAddress), Is.True);
        Assert.That(a.Status.FailedWith(Rsp.StatusCodes.FunctionStatusCodes.CiPKIdNotSupported), Is.False);
        Assert.That(a.Status.ToString(), Is.EqualTo("Failed 8.8.1 / 3.8 (Invalid SM-DP+ Address)"));
    }

    [Test]
    public void NothingListeningIsConnectionRefused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using RspHttpTransport transport = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
        var e = Assert.ThrowsAsync<RspTransportException>(() => new RspJsonClient(transport).PostAsync(Path, Body, "ES9+ InitiateAuthentication", CancellationToken.None))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.ConnectionRefused));
        OneSentence(e);
    }

    [Test]
    public async Task AResetConnectionIsConnectionReset()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task server = Task.Run(async () =>
        {
            using Socket s = await listener.AcceptSocketAsync();
            byte[] buffer = new byte[4096];
            _ = await s.ReceiveAsync(buffer);
            s.LingerState = new LingerOption(true, 0); // close with RST
            s.Close();
        });
        using RspHttpTransport transport = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
        var e = Assert.ThrowsAsync<RspTransportException>(() => new RspJsonClient(transport).PostAsync(Path, Body, "ES9+ InitiateAuthentication", CancellationToken.None))!;
        await server;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.ConnectionReset));
        OneSentence(e);
    }
}
