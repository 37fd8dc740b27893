using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Server authentication for HTTPS establishment (SGP.23 §4.3.17; SGP.22 v2.5 §2.6.6, §4.5.2.1): the LPA's TLS
/// handshake with the SM-DP+ address, the protocol version, and CERT.DPtls checked by the harness itself (chain to
/// the run's CIs, the DPtls certificate policy, the name).
/// </summary>
[Binding]
public sealed class TlsSteps(HarnessRun run)
{
    /// <summary>id-rspRole-dp-tls (SGP.22 §4.5.2.1.0.3): the certificate policy of CERT.DPtls.</summary>
    public const string DpTlsPolicy = "2.23.146.1.2.1.3";

    private SslProtocols _protocol;
    private X509Certificate2? _certificate;
    private X509Certificate2Collection _sent = [];

    private string Host => run.Config.Es9TlsName;

    [When(@"^the LPA opens an HTTPS connection to the SM-DP\+ address$")]
    public async Task Connect()
    {
        using var cts = new CancellationTokenSource(run.Config.Timeout);
        using var tcp = new TcpClient();
        if (run.Reference is { } reference)
        {
            await tcp.ConnectAsync(reference.Endpoint, cts.Token);
        }
        else
        {
            Uri url = run.Config.SmdpUrl!;
            await tcp.ConnectAsync(url.Host, url.Port, cts.Token);
        }
        await using var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, chain, _) =>
        {
            // The harness judges the certificate itself (the Then steps); the handshake is let through to see it.
            _certificate = certificate is null ? null : new X509Certificate2(certificate);
            _sent = [.. chain?.ChainElements.Select(e => new X509Certificate2(e.Certificate)) ?? []];
            return true;
        });
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = Host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        }, cts.Token);
        _protocol = ssl.SslProtocol;
    }

    [Then(@"^the TLS version is 1\.2 or later$")]
    public void Version() =>
        Assert.That(_protocol is SslProtocols.Tls12 or SslProtocols.Tls13, Is.True, $"SGP.22 §2.6.6: TLS 1.2 or later; negotiated {_protocol}");

    [Then(@"^the server certificate chains to a CI of the run$")]
    public void Chains()
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(run.Pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate)).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(_sent);
        bool ok = chain.Build(Certificate());
        Assert.That(ok, Is.True, "SGP.22 §4.5.2.1: CERT.DPtls does not chain to a CI of the run: "
            + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim())));
    }

    [Then(@"^the server certificate carries the certificate policy of CERT\.DPtls$")]
    public void Policy() =>
        Assert.That(RspCertificate.Parse(Certificate().RawData).Policies, Does.Contain(DpTlsPolicy),
            $"SGP.22 §4.5.2.1: CERT.DPtls carries the policy {DpTlsPolicy} (id-rspRole-dp-tls)");

    [Then(@"^the server certificate names the SM-DP\+ address$")]
    public void Name() =>
        Assert.That(Certificate().MatchesHostname(Host), Is.True, $"SGP.22 §2.6.6: CERT.DPtls ({Certificate().Subject}) does not name {Host}");

    private X509Certificate2 Certificate() => _certificate ?? throw new AssertionException("the SM-DP+ presented no certificate");
}
