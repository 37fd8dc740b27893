using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Adapters.Tests.Http;

/// <summary>The ways a remote SM-DP+ misbehaves below the function level (issue #5).</summary>
public enum Misbehaviour
{
    /// <summary>Accepts the request and holds the answer back (<see cref="MisbehavingSmdp.HangFor"/>, far beyond the tests' timeouts).</summary>
    Hang,

    /// <summary>Starts an answer, then drops the connection.</summary>
    Reset,

    /// <summary>Answers an HTML page (a proxy's or load balancer's error page) with Content-Type text/html.</summary>
    Html,

    /// <summary>Answers application/json whose body breaks off in the middle.</summary>
    InvalidJson,

    /// <summary>Answers HTTP 500 with a stack trace, no SGP.22 function answer.</summary>
    Http500,
}

/// <summary>
/// A misbehaving SM-DP+ played by WireMock over HTTPS on 127.0.0.1 (the reset by a raw TLS socket): every POST
/// gets the same misbehaviour.
/// WireMock's HTTPS needs an RSA certificate: a throwaway RSA root issues one for 127.0.0.1, and
/// <see cref="RootPem"/> is what a client (or the harness's --trust) must trust. Shared by the adapter tests
/// and the harness-level run test (linked into both projects).
/// </summary>
public sealed class MisbehavingSmdp : IDisposable
{
    /// <summary>The body of <see cref="Misbehaviour.Html"/>.</summary>
    public const string HtmlPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

    /// <summary>The body of <see cref="Misbehaviour.InvalidJson"/>: valid JSON up to byte 37 (counting from 0), where a bare word stands.</summary>
    public const string BrokenJson = "{\"header\":{\"functionExecutionStatus\":oops";

    /// <summary>The body of <see cref="Misbehaviour.Http500"/>.</summary>
    public const string StackTrace = "java.lang.NullPointerException\n\tat com.example.smdp.Es9Controller.initiate(Es9Controller.java:42)";

    /// <summary>How long <see cref="Misbehaviour.Hang"/> holds the answer back.</summary>
    /// Four times the timeout the tests configure (2 s), and short enough that stopping WireMock, which waits
    /// for the held answers, stays quick.
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(8);

    private static readonly Lazy<(X509Certificate2 Root, X509Certificate2 Server)> Pki = new(CreatePki);

    private readonly WireMockServer? _wireMock;
    private readonly ResettingTlsServer? _resetting;

    public MisbehavingSmdp(Misbehaviour misbehaviour)
    {
        Misbehaviour = misbehaviour;
        if (misbehaviour == Misbehaviour.Reset)
        {
            // WireMock's faults all end in a well-formed HTTP exchange (an empty 200, garbage under a valid
            // Content-Length): a real reset needs a socket closed with RST, below HTTP.
            _resetting = new ResettingTlsServer(Pki.Value.Server);
            BaseAddress = new Uri($"https://127.0.0.1:{_resetting.Port}/");
            return;
        }

        _wireMock = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["https://127.0.0.1:0"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = Pki.Value.Server },
        });
        _wireMock.Given(Request.Create().UsingPost()).RespondWith(ResponseFor(misbehaviour));
        BaseAddress = new Uri(_wireMock.Urls[0].TrimEnd('/') + "/");
    }

    public Misbehaviour Misbehaviour { get; }

    /// <summary>https://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// One GET over HTTPS (WireMock answers it 404: only POSTs misbehave), so that the server's first-request
    /// costs (JIT, TLS) are paid before a client with a short timeout calls it. Does nothing for the reset server.
    /// </summary>
    public async Task WarmUpAsync()
    {
        if (_wireMock is null)
        {
            return;
        }

        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            CustomTrustStore = { Root },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using HttpResponseMessage answer = await client.GetAsync(new Uri(BaseAddress, "warm-up")).ConfigureAwait(false);
    }

    /// <summary>The RSA root that issued the server certificate.</summary>
    public static X509Certificate2 Root => Pki.Value.Root;

    /// <summary>The root as PEM text (for a --trust file).</summary>
    public static string RootPem => Root.ExportCertificatePem() + "\n";

    private static IResponseBuilder ResponseFor(Misbehaviour m) => m switch
    {
        Misbehaviour.Hang => Response.Create().WithStatusCode(200).WithDelay(HangFor),
        Misbehaviour.Html => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(HtmlPage),
        Misbehaviour.InvalidJson => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0").WithBody(BrokenJson),
        Misbehaviour.Http500 => Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody(StackTrace),
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    private static (X509Certificate2, X509Certificate2) CreatePki()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Misbehaving SM-DP+ Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using X509Certificate2 root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = serverRequest.Create(root, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(serverKey);
        // Through PKCS#12 so that the private key is usable by SslStream on every platform.
        return (X509CertificateLoader.LoadCertificate(root.RawData),
            X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null));
    }

    public void Dispose()
    {
        _resetting?.Dispose();
        if (_wireMock is not null)
        {
            _wireMock.Stop();
            _wireMock.Dispose();
        }
    }

    /// <summary>Completes the TLS handshake, reads the start of each request, then closes the socket with RST.</summary>
    private sealed class ResettingTlsServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public ResettingTlsServer(X509Certificate2 certificate)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(() => AcceptAsync(certificate));
        }

        public int Port { get; }

        private async Task AcceptAsync(X509Certificate2 certificate)
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = Task.Run(() => ResetAsync(socket, certificate));
            }
        }

        private static async Task ResetAsync(Socket socket, X509Certificate2 certificate)
        {
            try
            {
                using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                }).ConfigureAwait(false);
                _ = await tls.ReadAsync(new byte[4096]).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // the client gave up first: nothing to reset
            }
            finally
            {
                socket.LingerState = new LingerOption(true, 0); // close with RST
                socket.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
