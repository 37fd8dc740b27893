using System.Net;
using System.Text.Json.Nodes;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Tests.Http;

/// <summary>
/// The SM-DP+ transport over HTTPS: the chain must lead to a configured root, the certificate must name
/// the SM-DP+ address, and HTTP/2 is negotiated by ALPN. The URL carries the SM-DP+ host name; the
/// connection goes to the loopback server (SmdpHttpOptions.ConnectTo).
/// </summary>
public class TlsTests
{
    private static TlsTestServer _server = null!;

    [OneTimeSetUp]
    public static async Task Start() => _server = await TlsTestServer.StartAsync(TestTlsPki.Server.Value);

    [OneTimeTearDown]
    public static async Task Stop() => await _server.DisposeAsync();

    private static RspHttpTransport Transport(Action<SmdpHttpOptionsBuilder>? change = null)
    {
        var b = new SmdpHttpOptionsBuilder
        {
            Options = new SmdpHttpOptions
            {
                BaseAddress = new Uri($"https://{TestTlsPki.Host}:{_server.Endpoint.Port}/"),
                ConnectTo = _server.Endpoint,
                TrustedRoots = [TestTlsPki.Root.Value],
                Timeout = TimeSpan.FromSeconds(15),
            },
        };
        change?.Invoke(b);
        return SmdpHttpClientFactory.CreateTransport(b.Options);
    }

    private static Task<RspJsonAnswer> Post(RspHttpTransport t) =>
        new RspJsonClient(t).PostAsync("gsma/rsp2/es9plus/initiateAuthentication", new JsonObject(), "ES9+ InitiateAuthentication", CancellationToken.None);

    [Test]
    public async Task ATrustedServerNamedLikeTheSmdpAddressIsReachedOverHttp2()
    {
        using RspHttpTransport t = Transport();
        RspJsonAnswer a = await Post(t);
        Assert.That(a.Status.IsExecuted, Is.True);
        Assert.That(a.Http.Version, Is.EqualTo(HttpVersion.Version20));
        Assert.That(a.Http.Header("X-Seen-Protocol"), Is.EqualTo("HTTP/2"));
        Assert.That(a.Http.Exchange.HttpVersion, Is.EqualTo("2.0"));
    }

    [Test]
    public async Task Http11CanBeForced()
    {
        using RspHttpTransport t = Transport(b => b.Options = b.Options with { HttpVersion = RspHttpVersion.Http11 });
        RspJsonAnswer a = await Post(t);
        Assert.That(a.Http.Version, Is.EqualTo(HttpVersion.Version11));
        Assert.That(a.Http.Header("X-Seen-Protocol"), Is.EqualTo("HTTP/1.1"));
    }

    [Test]
    public void AChainToAnotherRootIsRefusedAsUntrusted()
    {
        using RspHttpTransport t = Transport(b => b.Options = b.Options with { TrustedRoots = [TestTlsPki.OtherRoot.Value] });
        var e = Assert.ThrowsAsync<RspTransportException>(() => Post(t))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.TlsFailure));
        Assert.That(e.TlsReason, Is.EqualTo(TlsFailureReason.UntrustedRoot));
        Assert.That(e.Message, Does.Contain("does not chain to a configured trusted root"));
        Assert.That(e.Message, Does.EndWith("."));
    }

    [Test]
    public void NoConfiguredRootMeansUntrusted()
    {
        using RspHttpTransport t = Transport(b => b.Options = b.Options with { TrustedRoots = [] });
        var e = Assert.ThrowsAsync<RspTransportException>(() => Post(t))!;
        Assert.That(e.TlsReason, Is.EqualTo(TlsFailureReason.UntrustedRoot));
    }

    [Test]
    public void ACertificateThatDoesNotNameTheSmdpAddressIsRefused()
    {
        using RspHttpTransport t = Transport(b => b.Options = b.Options with { SmdpAddress = "othersmdp.example.com" });
        var e = Assert.ThrowsAsync<RspTransportException>(() => Post(t))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.TlsFailure));
        Assert.That(e.TlsReason, Is.EqualTo(TlsFailureReason.NameMismatch));
        Assert.That(e.Message, Does.Contain("does not name the SM-DP+ address othersmdp.example.com"));
        Assert.That(e.Message, Does.Contain(TestTlsPki.Host));
    }

    [Test]
    public async Task AnSmdpAddressWithAPortChecksTheHostOnly()
    {
        using RspHttpTransport t = Transport(b => b.Options = b.Options with { SmdpAddress = TestTlsPki.Host + ":8443" });
        Assert.That((await Post(t)).Status.IsExecuted, Is.True);
    }

    internal sealed class SmdpHttpOptionsBuilder
    {
        public required SmdpHttpOptions Options { get; set; }
    }
}
