using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issue #13 part 4: an SM-DP+ whose CERT.DPtls is on brainpoolP256r1 (SGP.22 v2.5 §2.6.6 allows it) is reached with no
/// environment set by hand. <c>smdp serve --tls-curve brp</c> serves one; the harness, started as <c>./conformance</c>
/// starts it (OPENSSL_CONF = scripts/openssl-rsp.cnf, which offers the brainpool groups in TLS 1.2), runs the server
/// authentication scenarios and downloads over it.
/// </summary>
[NonParallelizable]
public class BrainpoolTlsRunTests
{
    private string _directory = null!;
    private StandaloneSmdp _smdp = null!;

    [OneTimeSetUp]
    public async Task StartABrainpoolTlsSmdp()
    {
        _directory = StandaloneSmdp.FreshDirectory("brp-tls");
        _smdp = await StandaloneSmdp.StartAsync(_directory, 40, null, "--tls-curve", "brp");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_smdp is not null)
        {
            await _smdp.DisposeAsync();
        }
    }

    [Test]
    public async Task TheServerPresentsABrainpoolCertificateOverTls12()
    {
        Assert.That(Environment.GetEnvironmentVariable("OPENSSL_CONF"), Does.EndWith("openssl-rsp.cnf"),
            "run through ./conformance test, which configures OpenSSL's TLS groups (scripts/openssl-rsp.cnf)");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _smdp.Port);
        X509Certificate2? seen = null;
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, c, _, _) =>
        {
            seen = c is null ? null : new X509Certificate2(c);
            return true;
        });
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" });
        using ECDsa? key = seen?.GetECDsaPublicKey();
        Assert.That(key?.ExportParameters(false).Curve.Oid.Value, Is.EqualTo("1.3.36.3.3.2.8.1.1.7"), "brainpoolP256r1");
        Assert.That(ssl.SslProtocol, Is.EqualTo(System.Security.Authentication.SslProtocols.Tls12), "OpenSSL 3.0 has no TLS 1.3 brainpool signature");
    }

    [Test]
    public async Task ServerAuthenticationAndDownloadsPassOverIt()
    {
        string orders = await _smdp.JsonOrdersAsync(Path.Combine(_directory, "orders.json"), Identifiers.Eid1, Identifiers.Eid2, plain: 20, withCode: 2, eidBound: 0, fewOthers: 0);
        var settings = _smdp.RunSettings(orders, "@TC_SM-DP+_ES9+_Server_Authentication_for_HTTPS_EstablishmentBRP or @TC_SM-DP+_ES9+_Server_Authentication_for_HTTPS_EstablishmentNIST "
            + "or (@TC_SM-DP+_ES9+.GetBoundProfilePackageBRP and not @negative)");
        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(_directory, "run"), TimeSpan.FromMinutes(5));
        Assert.That(run.Scenarios, Is.Not.Empty, HarnessProcess.Why(run.Log));
        Assert.That(run.Scenarios.Where(s => !s.Passed && s.Outcome != "skipped").Select(s => $"{s.Outcome} {s.Name}: {s.Message}"), Is.Empty);
        Assert.That(run.Scenarios.Count(s => s.Passed), Is.GreaterThanOrEqualTo(4));
    }
}
