using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Adapters.Http;

/// <summary>Which HTTP version the client uses.</summary>
public enum RspHttpVersion
{
    /// <summary>Offer HTTP/2 and HTTP/1.1 by ALPN and use what the server picks (what LPAs do).</summary>
    Negotiate,

    /// <summary>HTTP/1.1 only.</summary>
    Http11,

    /// <summary>HTTP/2 only: a server that does not select h2 by ALPN fails.</summary>
    Http2,
}

/// <summary>How the harness reaches one SM-DP+ (or other RSP HTTPS endpoint).</summary>
public sealed record SmdpHttpOptions
{
    /// <summary>The endpoint's base URL (https://host[:port]/); function paths are appended.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>
    /// The SM-DP+ address (FQDN, optionally with a port) the server certificate must name. Null: the host of
    /// <see cref="BaseAddress"/>.
    /// </summary>
    public string? SmdpAddress { get; init; }

    /// <summary>
    /// The only roots the server chain may lead to (the CI or TLS roots of the test PKI). The system trust
    /// store is never used. Empty with an https URL: every connection fails as untrusted.
    /// </summary>
    public X509Certificate2Collection TrustedRoots { get; init; } = [];

    /// <summary>Client certificate with its private key, presented when the server asks (ES2+ mutual TLS).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Time allowed for one whole call: connection, request, complete response.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed to open the TCP connection and finish the TLS handshake (bounded by <see cref="Timeout"/>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public RspHttpVersion HttpVersion { get; init; } = RspHttpVersion.Negotiate;

    /// <summary>
    /// Connect to this address whatever the URL's host (the URL host still goes into SNI, Host and the name
    /// check). Lets a test reach a loopback server under its real SM-DP+ name without DNS.
    /// </summary>
    public IPEndPoint? ConnectTo { get; init; }

    /// <summary>Largest response body read; a larger one fails as <see cref="RspTransportFailure.ProtocolError"/>.</summary>
    public int MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The host name the server certificate is checked against.</summary>
    public string ExpectedHost => HostOf(SmdpAddress) ?? BaseAddress.Host;

    /// <summary>Every certificate of a PEM bundle (the trusted roots file of a target configuration).</summary>
    public static X509Certificate2Collection LoadPemBundle(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots.Count > 0 ? roots : throw new InvalidOperationException($"{path} holds no PEM certificate");
    }

    internal void Validate()
    {
        if (BaseAddress.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"the SM-DP+ URL {BaseAddress} is neither https nor http");
        }
        if (Timeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("timeouts must be positive");
        }
    }

    /// <summary>The host part of an SM-DP+ address (strips a port; keeps an IPv6 literal's brackets out).</summary>
    internal static string? HostOf(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }
        return Uri.TryCreate("https://" + address, UriKind.Absolute, out Uri? u) ? u.IdnHost.Trim('[', ']') : address;
    }
}
