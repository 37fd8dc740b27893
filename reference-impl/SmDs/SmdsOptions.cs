using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;

namespace Conformance.SmDs;

/// <summary>
/// Everything the reference SM-DS needs to run: where it listens, its address, its store, and its PKI (CERT.DSauth
/// per CI to sign ES11 with, CERT.DS.TLS to serve HTTPS with, the CIs whose eUICC and SM-DP+ certificates it trusts).
/// </summary>
public sealed record SmdsOptions
{
    /// <summary>The address Kestrel binds to. Loopback by default; the harness never binds anything else.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks an ephemeral port (reported by <see cref="Hosting.SmdsServer.StartAsync"/>).</summary>
    public int Port { get; init; }

    /// <summary>The default SM-DS address: the Root SM-DS address the reference eUICC is configured with (EuiccOptions.RootSmdsAddress).</summary>
    public const string DefaultAddress = "testrootsmds.example.com";

    /// <summary>The SM-DS address (FQDN) this server answers to: ES11.InitiateAuthentication's smdsAddress (SGP.22 v2.5 §5.8.1).</summary>
    public string SmdsAddress { get; init; } = DefaultAddress;

    /// <summary>SQLite database file of the Event Records. ":memory:" is refused: events must survive a restart.</summary>
    public string DatabasePath { get; init; } = "smds.db";

    /// <summary>
    /// The PKI: per curve CERT.DSauth (signing ES11) and CERT.DS.TLS (HTTPS), and the CIs trusted for eUICC chains and
    /// ES12 callers. Null: the deterministic test PKI (seed 1, both curves, loopback SANs).
    /// </summary>
    public TestPki? Pki { get; init; }

    /// <summary>TLS server certificate with its key; null: CERT.DS.TLS of the PKI's first curve.</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Largest request body accepted; larger ones get Failed 1.1 / 2.1.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Kestrel keep-alive and request-header timeouts.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an ES11 RSP session waits for AuthenticateClient after InitiateAuthentication.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>X-Admin-Protocol sent when the request carried none we can echo.</summary>
    public string AdminProtocol { get; init; } = "gsma/rsp/v2.5.0";

    /// <summary>Lowest eUICC specification version accepted; lower is 8.9.3 / 3.1.</summary>
    public VersionType MinimumSvn { get; init; } = new(2, 0, 0);

    /// <summary>Highest eUICC specification version accepted; higher is 8.9.3 / 3.1.</summary>
    public VersionType MaximumSvn { get; init; } = new(2, 255, 255);

    /// <summary>Deliberate spec violations (see <see cref="SmdsDefect"/>). Empty by default.</summary>
    public IReadOnlySet<SmdsDefect> Defects { get; init; } = new HashSet<SmdsDefect>();

    /// <summary>The PKI in use: <see cref="Pki"/> or the generated default.</summary>
    public TestPki EffectivePki => Pki ?? DefaultPki.Value;

    private static readonly Lazy<TestPki> DefaultPki = new(() => TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true }));
}
