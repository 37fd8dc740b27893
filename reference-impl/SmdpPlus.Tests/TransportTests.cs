using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests;

/// <summary>HTTPS transport: ALPN, TLS versions, certificate loading, brainpool, bound address.</summary>
public class TransportTests
{
    private const string Body = "{\"euiccChallenge\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"euiccInfo1\":\"vyAA\",\"smdpAddress\":\"x\"}";

    [Test]
    public async Task BindsToLoopbackOnAnEphemeralPort()
    {
        await using ServerHarness h = await ServerHarness.StartAsync();
        Assert.That(h.BaseAddress.Scheme, Is.EqualTo("https"));
        Assert.That(h.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(h.BaseAddress.Port, Is.GreaterThan(0));
    }

    [Test]
    public async Task Http2IsNegotiatedByAlpn()
    {
        await using ServerHarness h = await ServerHarness.StartAsync();
        using HttpClient client = h.Client(version: HttpVersion.Version20);
        RspAnswer a = await ServerHarness.PostAsync(client, "gsma/rsp2/es9plus/initiateAuthentication", Body);
        Assert.That(a.Version, Is.EqualTo(HttpVersion.Version20));
        Assert.That(a.Code, Is.EqualTo("8.8.1 / 3.8"));
    }

    [Test]
    public async Task Http11StillWorks()
    {
        await using ServerHarness h = await ServerHarness.StartAsync();
        using HttpClient client = h.Client(version: HttpVersion.Version11);
        RspAnswer a = await ServerHarness.PostAsync(client, "gsma/rsp2/es9plus/initiateAuthentication", Body);
        Assert.That(a.Version, Is.EqualTo(HttpVersion.Version11));
    }

    [TestCase(SslProtocols.Tls12)]
    [TestCase(SslProtocols.Tls13)]
    public async Task AcceptsTls12AndTls13(SslProtocols protocol)
    {
        await using ServerHarness h = await ServerHarness.StartAsync();
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.EnabledSslProtocols = protocol;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler) { BaseAddress = h.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        RspAnswer a = await ServerHarness.PostAsync(client, "gsma/rsp2/es9plus/initiateAuthentication", Body);
        Assert.That(a.Code, Is.EqualTo("8.8.1 / 3.8"));
    }

    [Test]
    public async Task RefusesTls11()
    {
        await using ServerHarness h = await ServerHarness.StartAsync();
        using var handler = new SocketsHttpHandler();
#pragma warning disable SYSLIB0039 // deliberately an obsolete protocol
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls11;
#pragma warning restore SYSLIB0039
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler) { BaseAddress = h.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("gsma/rsp2/es9plus/initiateAuthentication"));
    }

    /// <summary>
    /// A brainpoolP256r1 CERT.DPtls works on this machine's OpenSSL 3.0 over TLS 1.2 when the client offers
    /// brainpoolP256r1 in supported_groups (checked with the openssl command-line client as an independent
    /// peer). OpenSSL 3.0 has no TLS 1.3 brainpool signature schemes (RFC 8734 came with 3.2), and .NET's
    /// HttpClient does not offer brainpool groups by default: see the next test.
    /// </summary>
    [Test]
    public async Task BrainpoolServerCertificateWorksOverTls12WithAClientOfferingBrainpool()
    {
        X509Certificate2 brp = TestCertificates.ServerCertificate(ECCurve.CreateFromOid(new Oid("1.3.36.3.3.2.8.1.1.7")));
        await using ServerHarness h = await ServerHarness.StartAsync(serverCert: brp);
        string body = Body;
        string request = "POST /gsma/rsp2/es9plus/initiateAuthentication HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            "Content-Type: application/json\r\nX-Admin-Protocol: gsma/rsp/v2.2.0\r\nConnection: close\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n{body}";
        string output = await OpenSslClientAsync(h.BaseAddress.Port, request, "-tls1_2", "-groups", "brainpoolP256r1:P-256", "-alpn", "http/1.1");
        Assert.That(output, Does.Contain("Cipher is ECDHE-ECDSA"));
        Assert.That(output, Does.Contain("HTTP/1.1 200"));
        Assert.That(output, Does.Contain("\"subjectCode\":\"8.8.1\""));
    }

    /// <summary>
    /// A brainpoolP256r1 CERT.DPtls (SGP.22 §2.6.6) reaches a .NET client over TLS 1.2 once OpenSSL offers the brainpool
    /// groups, as ./conformance configures it (scripts/openssl-rsp.cnf); OpenSSL 3.0's defaults offer none (RFC 8422 §5.1),
    /// so without that configuration the handshake fails.
    /// </summary>
    [Test]
    public async Task BrainpoolServerCertificateNeedsTheProjectsOpenSslConfiguration()
    {
        X509Certificate2 brp = TestCertificates.ServerCertificate(ECCurve.CreateFromOid(new Oid("1.3.36.3.3.2.8.1.1.7")));
        await using ServerHarness h = await ServerHarness.StartAsync(serverCert: brp);
        using HttpClient client = h.Client(trusted: brp);
        if (Environment.GetEnvironmentVariable("OPENSSL_CONF")?.EndsWith("openssl-rsp.cnf", StringComparison.Ordinal) == true)
        {
            RspAnswer a = await ServerHarness.PostAsync(client, "gsma/rsp2/es9plus/initiateAuthentication", Body);
            Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK));
            return;
        }
        var e = Assert.ThrowsAsync<HttpRequestException>(() => ServerHarness.PostAsync(client, "gsma/rsp2/es9plus/initiateAuthentication", Body))!;
        Assert.That(e.HttpRequestError, Is.EqualTo(HttpRequestError.SecureConnectionError));
    }

    private static async Task<string> OpenSslClientAsync(int port, string stdin, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "s_client", "-connect", $"127.0.0.1:{port}", "-ign_eof" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        System.Diagnostics.Process p;
        try
        {
            p = System.Diagnostics.Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("the openssl command-line client is not installed");
            throw;
        }

        using (p)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            Task<string> stdout = p.StandardOutput.ReadToEndAsync(timeout.Token);
            Task<string> stderr = p.StandardError.ReadToEndAsync(timeout.Token);
            await p.WaitForExitAsync(timeout.Token);
            return await stdout + await stderr;
        }
    }

    [Test]
    public void LoadsCertificateAndKeyFromPemAndDerFiles()
    {
        string dir = Directory.CreateTempSubdirectory("smdp-certs").FullName;
        try
        {
            X509Certificate2 cert = TestCertificates.Server.Value;
            using ECDsa key = cert.GetECDsaPrivateKey()!;
            File.WriteAllText(Path.Combine(dir, "tls.pem"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, "tls.key.pem"), key.ExportPkcs8PrivateKeyPem());
            File.WriteAllBytes(Path.Combine(dir, "tls.der"), cert.RawData);
            File.WriteAllBytes(Path.Combine(dir, "tls.key.der"), key.ExportECPrivateKey());
            File.WriteAllText(Path.Combine(dir, "ca.pem"), TestCertificates.OperatorCa.Value.ExportCertificatePem());

            foreach ((string c, string k) in new[] { ("tls.pem", "tls.key.pem"), ("tls.der", "tls.key.der") })
            {
                X509Certificate2 loaded = TlsCertificateLoader.LoadServerCertificate(new SmdpOptions
                {
                    TlsCertificatePath = Path.Combine(dir, c),
                    TlsKeyPath = Path.Combine(dir, k),
                });
                Assert.That(loaded.HasPrivateKey, Is.True, c);
                Assert.That(loaded.Thumbprint, Is.EqualTo(cert.Thumbprint), c);
            }

            Assert.That(TlsCertificateLoader.LoadOperatorCa(new SmdpOptions { OperatorClientCaPath = Path.Combine(dir, "ca.pem") }).Single().Thumbprint,
                Is.EqualTo(TestCertificates.OperatorCa.Value.Thumbprint));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void RsaCertificateIsRefusedWithAClearMessage()
    {
        using var rsa = RSA.Create(2048);
        using X509Certificate2 c = new CertificateRequest("CN=rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var e = Assert.Throws<InvalidOperationException>(() => TlsCertificateLoader.LoadServerCertificate(new SmdpOptions { TlsCertificate = c }))!;
        Assert.That(e.Message, Does.Contain("P-256 or brainpoolP256r1"));
    }
}
