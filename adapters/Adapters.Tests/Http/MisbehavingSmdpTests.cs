using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Tests.Http;

/// <summary>
/// Issue #5: a remote SM-DP+ that hangs, resets the connection, answers HTML, invalid JSON or HTTP 500,
/// played by WireMock over HTTPS. The ES9+ and ES2+ clients fail with a typed exception whose one-sentence
/// message says what happened, within the configured timeout, and keep the raw answer.
/// </summary>
public class MisbehavingSmdpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly Es9InitiateAuthenticationRequest Initiate = new(new byte[16], Convert.FromHexString("BF2000"), "testsmdpplus1.example.com");

    private static async Task<RspTransportException> Es9Fails(MisbehavingSmdp smdp, ExchangeRecorder recorder)
    {
        await smdp.WarmUpAsync();
        using RspHttpTransport transport = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions
        {
            BaseAddress = smdp.BaseAddress,
            TrustedRoots = [MisbehavingSmdp.Root],
            Timeout = Timeout,
        }, recorder);
        IEs9PlusClient client = Es9PlusClient.Create(transport);
        Task call = client.InitiateAuthenticationAsync(Initiate);
        // Bounded by the timeout whatever the server does: the test never waits for the server.
        Task first = await Task.WhenAny(call, Task.Delay(Timeout * 3));
        Assert.That(first, Is.SameAs(call), "the call outlived three times its timeout");
        return Assert.ThrowsAsync<RspTransportException>(() => call)!;
    }

    private static string Es9Url(MisbehavingSmdp smdp) => smdp.BaseAddress + "gsma/rsp2/es9plus/initiateAuthentication";

    private static void OneSentence(Exception e, string function)
    {
        TestContext.Out.WriteLine(e.Message);
        Assert.That(e.Message, Does.StartWith(function + ": "));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public async Task Es9AHangingServerIsATimeoutNamingTheUrl()
    {
        using var smdp = new MisbehavingSmdp(Misbehaviour.Hang);
        var recorder = new ExchangeRecorder();
        RspTransportException e = await Es9Fails(smdp, recorder);
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.Timeout));
        Assert.That(e.Message, Does.Contain($"no complete answer within 2 s from {Es9Url(smdp)}"));
        OneSentence(e, "ES9+ InitiateAuthentication");
        Assert.That(recorder.Exchanges.Single().Error, Is.EqualTo(e.Message));
    }

    [Test]
    public async Task Es9AResetConnectionSaysSo()
    {
        using var smdp = new MisbehavingSmdp(Misbehaviour.Reset);
        RspTransportException e = await Es9Fails(smdp, new ExchangeRecorder());
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.ConnectionReset));
        Assert.That(e.Message, Does.Contain("the connection was reset or closed by the server").And.Contain(Es9Url(smdp)));
        OneSentence(e, "ES9+ InitiateAuthentication");
    }

    /// <summary>An answer came but is no function answer: the message says what it was, and the raw bytes are kept.</summary>
    [TestCase(Misbehaviour.Html, RspTransportFailure.WrongContentType, MisbehavingSmdp.HtmlPage,
        "answered Content-Type 'text/html; charset=utf-8' where the binding prescribes application/json (body starts '<html><head><title>502 Bad Gateway")]
    [TestCase(Misbehaviour.InvalidJson, RspTransportFailure.InvalidJson, MisbehavingSmdp.BrokenJson,
        "answered invalid JSON: 'o' is an invalid start of a value at byte 37.")]
    [TestCase(Misbehaviour.Http500, RspTransportFailure.HttpStatus, MisbehavingSmdp.StackTrace,
        "answered HTTP 500 without an SGP.22 functionExecutionStatus (body starts 'java.lang.NullPointerException")]
    public async Task Es9AWrongAnswerSaysWhatCameAndKeepsItsBytes(Misbehaviour misbehaviour, RspTransportFailure kind, string body, string says)
    {
        using var smdp = new MisbehavingSmdp(misbehaviour);
        var recorder = new ExchangeRecorder();
        RspTransportException e = await Es9Fails(smdp, recorder);
        Assert.That(e.Kind, Is.EqualTo(kind));
        Assert.That(e.Message, Does.Contain($"{Es9Url(smdp)} {says}"));
        OneSentence(e, "ES9+ InitiateAuthentication");
        byte[] raw = System.Text.Encoding.UTF8.GetBytes(body);
        Assert.That(e.Body, Is.EqualTo(raw));
        Assert.That(recorder.Exchanges.Single().Response, Is.EqualTo(raw));
    }

    // ---- ES2+ (the operator's client) against the same misbehaviours ----

    private static async Task<Es2PlusException> Es2Fails(MisbehavingSmdp smdp)
    {
        await smdp.WarmUpAsync();
        using var client = new Es2PlusClient(new Es2PlusClientOptions
        {
            BaseAddress = smdp.BaseAddress,
            TrustedRoots = [MisbehavingSmdp.Root],
            Timeout = Timeout,
        });
        Task call = client.DownloadOrderAsync(new DownloadOrderRequest(null, "89049032123451234512345678901235", null));
        Task first = await Task.WhenAny(call, Task.Delay(Timeout * 3));
        Assert.That(first, Is.SameAs(call), "the call outlived three times its timeout");
        var e = Assert.CatchAsync<Es2PlusException>(() => call)!;
        OneSentence(e, "ES2+ DownloadOrder");
        return e;
    }

    // The same sentences as ES9+ (both go through RspHttpTransport).
    [TestCase(Misbehaviour.Hang, "no complete answer within 2 s from https://")]
    [TestCase(Misbehaviour.Reset, "the connection was reset or closed by the server")]
    public async Task Es2NoAnswerIsATransportFailure(Misbehaviour misbehaviour, string says)
    {
        using var smdp = new MisbehavingSmdp(misbehaviour);
        Es2PlusException e = await Es2Fails(smdp);
        Assert.That(e, Is.InstanceOf<Es2PlusTransportException>());
        Assert.That(e.Message, Does.Contain(says));
    }

    [TestCase(Misbehaviour.Html, "'text/html; charset=utf-8', not application/json")]
    [TestCase(Misbehaviour.InvalidJson, "not JSON")]
    [TestCase(Misbehaviour.Http500, "HTTP 500")]
    public async Task Es2AWrongAnswerIsAProtocolFailure(Misbehaviour misbehaviour, string says)
    {
        using var smdp = new MisbehavingSmdp(misbehaviour);
        Es2PlusException e = await Es2Fails(smdp);
        Assert.That(e, Is.InstanceOf<Es2PlusProtocolException>());
        Assert.That(e.Message, Does.Contain(says));
    }
}
