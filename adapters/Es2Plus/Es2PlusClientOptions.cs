using System.Security.Cryptography.X509Certificates;

namespace Conformance.Adapters.Es2Plus;

/// <summary>How the harness, playing the operator, reaches an SM-DP+ over ES2+ (SGP.22 v2.5 §5.3, §6.5).</summary>
public sealed record Es2PlusClientOptions
{
    /// <summary>The SM-DP+ base URL (https); the function paths /gsma/rsp2/es2plus/... are appended.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The operator's TLS client certificate with its private key (ES2+ is mutually authenticated TLS, SGP.22 §2.6.6).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// The only roots the SM-DP+'s TLS certificate may chain to (as for ES9+, the system trust store is never used);
    /// empty: every connection fails as untrusted.
    /// </summary>
    public X509Certificate2Collection TrustedRoots { get; init; } = [];

    /// <summary>X-Admin-Protocol sent with every request (SGP.22 §6.5.1).</summary>
    public string AdminProtocol { get; init; } = "gsma/rsp/v2.2.0";

    /// <summary>header.functionRequesterIdentifier (SGP.22 §6.5.1.3): who the operator is.</summary>
    public string FunctionRequesterIdentifier { get; init; } = "conformance-operator";

    /// <summary>
    /// Connect to this endpoint whatever the URL's host (like curl --connect-to): lets the URL, the SNI and
    /// the certificate name check use the SM-DP+'s real name while the server listens on loopback.
    /// </summary>
    public System.Net.IPEndPoint? ConnectTo { get; init; }

    /// <summary>The name the SM-DP+'s ES2+ server certificate must carry; null: the host of <see cref="BaseAddress"/>.</summary>
    public string? TlsName { get; init; }

    /// <summary>Timeout of one call, connection included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
