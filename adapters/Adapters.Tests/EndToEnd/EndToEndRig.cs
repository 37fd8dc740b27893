using System.Net;
using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Lpa;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Adapters.Tests.EndToEnd;

/// <summary>
/// The three parts with no test double: the reference SM-DP+ (Kestrel, TLS, SQLite) on a loopback port, the
/// emulated eUICC behind the ISD-R APDU front end, and the harness LPA talking to both (ES9+ over HTTPS with the
/// test PKI's CI as the only trusted root, ES10 over APDUs). One generated test PKI serves all three.
/// </summary>
internal sealed class EndToEndRig : IAsyncDisposable
{
    /// <summary>The PKI shared by every test: both curves, DPtls naming the SM-DP+ host and the loopback addresses.</summary>
    public static readonly Lazy<TestPki> Pki = new(() => TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true }));

    public const string SmdpHost = TestPkiOptions.Sgp26SmdpHost;

    private readonly string _dir;

    private EndToEndRig(string dir, SmdpServer server, Uri url, Es10Handler handler, InProcessApduTransport transport, Es10Client euicc,
        RspHttpTransport http, IEs9PlusClient smdp, Es2PlusClient operatorClient)
    {
        Operator = operatorClient;
        _dir = dir;
        Server = server;
        Url = url;
        Handler = handler;
        Transport = transport;
        Euicc = euicc;
        Http = http;
        Smdp = smdp;
    }

    public SmdpServer Server { get; }
    public Uri Url { get; }
    public SmdpStore Store => Server.Store;
    public Es10Handler Handler { get; }
    public InProcessApduTransport Transport { get; }
    public Es10Client Euicc { get; }
    public RspHttpTransport Http { get; }
    public IEs9PlusClient Smdp { get; }
    public string Eid => Handler.Eid;

    /// <summary>The harness as operator on ES2+ (mutual TLS with the PKI's operator client certificate).</summary>
    public Es2PlusClient Operator { get; }

    public static DeviceInfo Device => new(Convert.FromHexString("35290611"), new DeviceCapabilities());

    /// <summary>
    /// Starts the SM-DP+ (both curves' credentials) and an eUICC holding the credentials of <paramref name="euiccCurves"/>
    /// only, so that the curve the SM-DP+ picks from euiccCiPKIdListForSigning is the one under test.
    /// </summary>
    public static async Task<EndToEndRig> StartAsync(RspCurve[] euiccCurves, Func<SmdpOptions, SmdpOptions>? configure = null,
        Es9Binding binding = Es9Binding.Json)
    {
        TestPki pki = Pki.Value;
        string dir = Path.Combine(Path.GetTempPath(), "e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new SmdpOptions
        {
            Port = 0,
            DatabasePath = Path.Combine(dir, "smdp.db"),
            SmdpAddress = SmdpHost,
            TlsCertificate = WithKey(pki.For(RspCurve.NistP256).DpTls.Certificate, pki.For(RspCurve.NistP256).DpTls.RequirePrivateKey()),
            OperatorClientCa = [X509CertificateLoader.LoadCertificate(pki.Operator!.Ca.Der)],
            Pki = pki,
        };
        options = configure?.Invoke(options) ?? options;
        var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        Uri url = await server.StartAsync();

        var cardPki = new TestPki(euiccCurves.Select(pki.For).ToArray(), pki.Operator);
        var handler = new Es10Handler(EuiccIdentity.FromPki(cardPki), new EuiccOptions(), Path.Combine(dir, "card"));
        var transport = new InProcessApduTransport(new IsdrFrontEnd(handler));
        Es10Client euicc = await Es10Client.OpenAsync(transport, new ExchangeRecorder());

        var roots = new X509Certificate2Collection();
        foreach (CurvePki c in pki.Curves)
        {
            roots.Add(X509CertificateLoader.LoadCertificate(c.Ci.Certificate.Der));
        }
        RspHttpTransport http = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions
        {
            BaseAddress = new Uri($"https://{SmdpHost}:{url.Port}/"),
            ConnectTo = new IPEndPoint(IPAddress.Loopback, url.Port),
            TrustedRoots = roots,
            Timeout = TimeSpan.FromSeconds(30),
        });
        var es2 = new Es2PlusClient(new Es2PlusClientOptions
        {
            BaseAddress = new Uri($"https://{SmdpHost}:{url.Port}/"),
            ConnectTo = new IPEndPoint(IPAddress.Loopback, url.Port),
            TrustedRoots = roots,
            ClientCertificate = WithKey(pki.Operator!.Client, pki.Operator.ClientKey!),
        });
        return new EndToEndRig(dir, server, url, handler, transport, euicc, http, Es9PlusClient.Create(http, binding), es2);
    }

    /// <summary>
    /// A certificate of the PKI with its key, for TLS: CERT.DP.TLS for Kestrel (the P-256 one: .NET's TLS client
    /// offers no brainpool group) and the operator's ES2+ client certificate.
    /// </summary>
    private static X509Certificate2 WithKey(RspCertificate certificate, Org.BouncyCastle.Crypto.Parameters.ECPrivateKeyParameters privateKey)
    {
        using X509Certificate2 cert = X509CertificateLoader.LoadCertificate(certificate.Der);
        using var key = System.Security.Cryptography.ECDsa.Create(OpenSslKeys.Private(privateKey));
        using X509Certificate2 withKey = cert.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A synthetic profile in the inventory, available, its enable/disable/delete notifications sent to this SM-DP+.</summary>
    public Task AddProfileAsync(string iccid, SmdpProfileState state = SmdpProfileState.Available) =>
        Store.AddProfileAsync(new ProfileRecord
        {
            Iccid = iccid,
            ProfileType = "Test",
            State = state,
            ProfileName = "End to end",
            ServiceProviderName = "Conformance Operator",
            ProfileClass = 2,
            NotificationConfigurationJson = $$"""[{"operations":["install","enable","disable","delete"],"address":"{{SmdpHost}}"}]""",
            Upp = Rsp.Saip.SyntheticProfile.Build(iccid, "Test", 3000),
        });

    /// <summary>
    /// A synthetic profile in the inventory with a released order for this eUICC (the store state after ES2+
    /// DownloadOrder + ConfirmOrder releaseFlag true), its notifications for enable/disable/delete sent to this SM-DP+.
    /// </summary>
    public async Task<string> ReleasedOrderAsync(string iccid, string matchingId, string? confirmationCode = null)
    {
        await AddProfileAsync(iccid, SmdpProfileState.Released);
        await using StoreTransaction tx = await Store.BeginAsync();
        await tx.SaveOrderAsync(new OrderRecord
        {
            Iccid = iccid,
            Eid = Eid,
            MatchingId = matchingId,
            ConfirmationCodeHash = confirmationCode is null ? null : Es2PlusFunctions.HashConfirmationCode(confirmationCode),
            ReleaseFlag = true,
            ConfirmationCodeAttemptsLeft = 3,
            DownloadAttemptsLeft = 3,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        await tx.CommitAsync();
        return iccid;
    }

    public LpaDownload Download(string matchingId, string? confirmationCode = null) =>
        LpaDownload.FromActivationCode(Euicc, Smdp, ActivationCode.Parse($"LPA:1${SmdpHost}${matchingId}"), Device, confirmationCode);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Operator.Dispose();
        await Euicc.Session.DisposeAsync();
        await Transport.DisposeAsync();
        Handler.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
