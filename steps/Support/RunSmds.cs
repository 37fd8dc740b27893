using System.Net;
using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Http;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Support;

/// <summary>
/// The SM-DS of a run (SGP.22 v2.5 §3.6): where the harness reaches it as LPA (ES11) and as SM-DP+ (ES12), the roots
/// its CERT.DStls must chain to, and the client certificate the harness presents on ES12. The bundled reference SM-DS
/// (<see cref="ReferenceSmds"/>) runs in the test host on loopback under the SM-DS address; a remote one is at its URL.
/// </summary>
public sealed class RunSmds : IAsyncDisposable
{
    private RunSmds(TargetConfig config, Uri baseAddress, IPEndPoint? connectTo, X509Certificate2Collection roots, X509Certificate2? es12Client, ReferenceSmds? reference)
    {
        Config = config;
        BaseAddress = baseAddress;
        ConnectTo = connectTo;
        TrustedRoots = roots;
        Es12ClientCertificate = es12Client;
        Reference = reference;
    }

    public TargetConfig Config { get; }

    /// <summary>https://SM-DS host:port/ (the bundled one: its address's host and the bound port).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Loopback endpoint of the bundled SM-DS (the URL keeps the SM-DS name for SNI and the name check), else null.</summary>
    public IPEndPoint? ConnectTo { get; }

    public X509Certificate2Collection TrustedRoots { get; }

    /// <summary>The harness's ES12 client certificate (as an SM-DP+), or null when the run has none (the ES12 scenarios are then skipped).</summary>
    public X509Certificate2? Es12ClientCertificate { get; }

    /// <summary>The bundled reference SM-DS, or null for a remote one.</summary>
    public ReferenceSmds? Reference { get; }

    /// <summary>The SM-DS address (setting smdsAddress).</summary>
    public string Address => Config.SmdsAddress;

    public static async Task<RunSmds> StartAsync(TargetConfig config, TestPki pki, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pki);
        X509Certificate2? es12 = Es12Certificate(config, pki);
        if (config.IsSmdsReference)
        {
            ReferenceSmds reference = await ReferenceSmds.StartAsync(config, pki, ct).ConfigureAwait(false);
            var bound = new Uri($"https://{config.SmdsTlsName}:{reference.BoundAddress.Port}/");
            return new RunSmds(config, bound, reference.Endpoint, [PkiMaterial.Certificate(PkiMaterial.TlsCurve(pki).Ci.Certificate)], es12, reference);
        }

        // One rule for every server the harness reaches: the configured roots, else the run PKI's CIs (which issue CERT.DStls).
        X509Certificate2Collection roots = (config.SmdsTrustPath ?? config.TrustPath) is { } trust
            ? PkiMaterial.Roots(trust) : [.. pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate))];
        return new RunSmds(config, config.SmdsUrl!, null, roots, es12, null);
    }

    /// <summary>How the harness reaches the SM-DS, presenting <paramref name="clientCertificate"/> (ES12) or none (ES11).</summary>
    public SmdpHttpOptions HttpOptions(X509Certificate2? clientCertificate) => new()
    {
        BaseAddress = BaseAddress,
        ConnectTo = ConnectTo,
        // CERT.DStls must name the SM-DS address the client was told to reach, as an LPA checks it (SGP.22 §2.6.6).
        SmdpAddress = Config.SmdsAddress,
        TrustedRoots = TrustedRoots,
        ClientCertificate = clientCertificate,
        Timeout = Config.Timeout,
    };

    /// <summary>The es12Certificate setting, else the PKI's CERT.DPtls with its key (the SM-DP+'s TLS certificate), else null.</summary>
    private static X509Certificate2? Es12Certificate(TargetConfig config, TestPki pki)
    {
        if (config.Es12CertificatePath is { } cert)
        {
            return PkiMaterial.FromPemFiles(cert, config.Es12KeyPath!);
        }

        CurvePki tls = PkiMaterial.TlsCurve(pki);
        return tls.Items.TryGetValue(PkiItem.DpTls, out IssuedCertificate? dpTls) && dpTls.PrivateKey is { } key ? PkiMaterial.WithKey(dpTls.Certificate, key) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Reference is not null)
        {
            await Reference.DisposeAsync().ConfigureAwait(false);
        }

        Es12ClientCertificate?.Dispose();
    }
}
