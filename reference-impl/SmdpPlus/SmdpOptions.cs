using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;

namespace Conformance.SmdpPlus;

/// <summary>
/// Everything the reference SM-DP+ needs to run. Certificates come either from files (PEM or DER; the
/// CLI's way) or as loaded objects (the harness's and the tests' way); files win when both are given.
/// </summary>
public sealed record SmdpOptions
{
    /// <summary>The address Kestrel binds to. Loopback by default; the harness never binds anything else.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks an ephemeral port (the bound address is reported by <c>SmdpServer.StartAsync</c>).</summary>
    public int Port { get; init; }

    /// <summary>The SM-DP+ address (FQDN, optionally with a port) this server answers to (SGP.22 §5.6.1 smdpAddress).</summary>
    public string SmdpAddress { get; init; } = "testsmdpplus1.example.com";

    /// <summary>TLS server certificate (CERT.DPtls): PEM or DER file. The key is in <see cref="TlsKeyPath"/> or in the same PEM.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>TLS private key (EC, P-256 or brainpoolP256r1): PEM (PKCS#8 or SEC1) or DER (PKCS#8 or SEC1).</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Intermediate certificates sent with the TLS certificate (PEM bundle or DER), optional.</summary>
    public string? TlsChainPath { get; init; }

    /// <summary>TLS server certificate with its private key, used when no file is configured.</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Intermediate certificates sent with <see cref="TlsCertificate"/>.</summary>
    public X509Certificate2Collection? TlsChain { get; init; }

    /// <summary>SQLite database file. ":memory:" is refused: sessions must survive a restart.</summary>
    public string DatabasePath { get; init; } = "smdp.db";

    /// <summary>Operator endpoint receiving ES2+ HandleDownloadProgressInfo (base URL; the function path is appended). Null: none sent.</summary>
    public Uri? OperatorCallbackUrl { get; init; }

    /// <summary>Client certificate the SM-DP+ presents to the operator's HTTPS endpoint, optional.</summary>
    public X509Certificate2? OperatorCallbackClientCertificate { get; init; }

    /// <summary>CA that issues the operators' ES2+ client certificates: PEM or DER file.</summary>
    public string? OperatorClientCaPath { get; init; }

    /// <summary>CA certificates trusted for ES2+ client certificates, used when no file is configured.</summary>
    public X509Certificate2Collection? OperatorClientCa { get; init; }

    /// <summary>SM-DS addresses ConfirmOrder accepts (compared case-insensitively); anything else is 8.9 / 5.1.</summary>
    public IReadOnlyList<string> KnownSmDsAddresses { get; init; } = ["lpa.ds.gsma.com"];

    /// <summary>Largest request body accepted; larger ones get Failed 1.1 / 2.1.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a confirmed download order stays valid (SGP.22 8.8.5 / 4.10 after it).</summary>
    public TimeSpan DownloadOrderValidity { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Confirmation code attempts allowed per order (8.2.7 / 6.4 after them).</summary>
    public int ConfirmationCodeAttempts { get; init; } = 3;

    /// <summary>Download attempts allowed per order (8.8.5 / 6.4 after them).</summary>
    public int DownloadAttempts { get; init; } = 3;

    /// <summary>Timeout of one HandleDownloadProgressInfo attempt.</summary>
    public TimeSpan OperatorCallbackTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per HandleDownloadProgressInfo before it is dropped (logged).</summary>
    public int OperatorCallbackAttempts { get; init; } = 3;

    /// <summary>Pause before the first retry; doubled for each further one.</summary>
    public TimeSpan OperatorCallbackRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Kestrel keep-alive and request-header timeouts.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>X-Admin-Protocol sent when the request carried none we can echo.</summary>
    public string AdminProtocol { get; init; } = "gsma/rsp/v2.5.0";

    /// <summary>functionRequesterIdentifier the SM-DP+ puts in HandleDownloadProgressInfo.</summary>
    public string FunctionRequesterIdentifier { get; init; } = "conformance-reference-smdpp";

    /// <summary>Deliberate misbehaviour for negative tests of the other side (see <see cref="SmdpFault"/>). Empty by default.</summary>
    public IReadOnlySet<SmdpFault> Faults { get; init; } = new HashSet<SmdpFault>();

    /// <summary>The '86' segment (0-based) a segment fault acts on (<see cref="SmdpFault.CorruptedBppMac"/>, repeated, reordered).</summary>
    public int FaultSegmentIndex { get; init; }

    /// <summary>
    /// Deliberate spec violations that make this server a faulty SM-DP+ (see <see cref="SmdpDefect"/>), so the
    /// harness can prove it catches them. Empty by default.
    /// </summary>
    public IReadOnlySet<SmdpDefect> Defects { get; init; } = new HashSet<SmdpDefect>();

    /// <summary>
    /// The SM-DP+ PKI: CI certificates it trusts and, per curve, CERT.DPauth and CERT.DPpb with their keys
    /// (SGP.26 layout or <see cref="TestPkiGenerator"/>). Null: a deterministic test PKI (seed 1, both curves) is generated.
    /// </summary>
    public TestPki? Pki { get; init; }

    /// <summary>Further CI certificates trusted for eUICC chains although the SM-DP+ holds no DPauth under them.</summary>
    public IReadOnlyList<RspCertificate> AdditionalTrustedCis { get; init; } = [];

    /// <summary>Lowest eUICC specification version (EUICCInfo1 svn) accepted; lower is 8.8.3 / 3.1.</summary>
    public VersionType MinimumSvn { get; init; } = new(2, 0, 0);

    /// <summary>Highest eUICC specification version accepted; higher is 8.8.3 / 3.1 (this SM-DP+ speaks v2).</summary>
    public VersionType MaximumSvn { get; init; } = new(2, 255, 255);

    /// <summary>The SM-DP+ OID (dpOid in ConfigureISDP, smdpOid checked in CancelSession and notifications).</summary>
    public string SmdpOid { get; init; } = "2.999.10";

    /// <summary>hostId of the BSP key agreement (CRT in InitialiseSecureChannel), 1 to 16 bytes.</summary>
    public byte[] HostId { get; init; } = "SMDPPLUS-REF"u8.ToArray();

    /// <summary>Protect profiles with fresh random profile protection keys (ReplaceSessionKeys in secondSequenceOf87).</summary>
    public bool UseProfileProtectionKeys { get; init; }

    /// <summary>Largest StoreMetadata piece per '88' segment (at most 1008); smaller values split the metadata over more segments.</summary>
    public int MetadataSegmentSize { get; init; } = 1008;

    /// <summary>
    /// ES12 endpoints (base URLs) by SM-DS address (compared case-insensitively). ConfirmOrder with an smdsAddress that has
    /// one registers the event there (SGP.22 v2.5 §5.3.2, §5.9.1) and fails 8.9 / 5.1 when it cannot be reached; an address
    /// of <see cref="KnownSmDsAddresses"/> without one is only stored, as before ES12 existed here. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> SmdsEndpoints { get; init; } = new Dictionary<string, Uri>();

    /// <summary>The TLS client certificate (with its key) of ES12 calls; null: the PKI's CERT.DP.TLS, else its CERT.DPauth.</summary>
    public X509Certificate2? Es12ClientCertificate { get; init; }

    /// <summary>Time limit of one ES12 call (connection and answer).</summary>
    public TimeSpan Es12Timeout { get; init; } = TimeSpan.FromSeconds(5);
}
