using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Conformance.Rsp.Asn1.Messages;
using Conformance.SmdpPlus.Tests.Doubles;
using Conformance.SmdpPlus.Tests.Support;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Conformance.SmdpPlus.Tests;

/// <summary>
/// Issue #14: the input classes black-box probes found answered wrongly, one test each, through the real Kestrel
/// server (raw bytes over TLS where HttpClient would refuse to send them). Each answer is the binding's: an SGP.22
/// status with a request-error or certificate code, HTTP 400 where the request cannot be framed or the ASN.1 binding
/// cannot take it; never HTTP 500, never 1.2/4.2 for an input fault, never exception text.
/// </summary>
public class ProbeClassTests
{
    private const string InitiateAuthentication = "/gsma/rsp2/es9plus/initiateAuthentication";
    private const string Json = "{\"euiccChallenge\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"euiccInfo1\":\"vyAA\",\"smdpAddress\":\"testsmdpplus1.example.com\"}";
    private ServerHarness _h = null!;

    [OneTimeSetUp]
    public async Task Start() => _h = await ServerHarness.StartAsync(o => o with { MaxRequestBodyBytes = 64 * 1024 });

    [OneTimeTearDown]
    public async Task Stop() => await _h.DisposeAsync();

    /// <summary>One HTTP/1.1 exchange written byte for byte over TLS; the answer read until the server closes or 10 s pass.</summary>
    private async Task<RawAnswer> RawAsync(string head, byte[] body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _h.BaseAddress.Port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        });
        // UTF-8, as a client that puts Unicode in a header sends it.
        await ssl.WriteAsync(Encoding.UTF8.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal)));
        await ssl.WriteAsync(body);
        await ssl.FlushAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await ssl.ReadAsync(buffer, cts.Token)) > 0)
            {
                await received.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what was read is the answer.
        }
        string text = Encoding.UTF8.GetString(received.ToArray());
        Assert.That(text, Does.StartWith("HTTP/1.1 "), "the server answered within 10 s");
        int status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no exception text");
        return new RawAnswer(status, text);
    }

    private static string Head(string path, string extra = "", string adminProtocol = "X-Admin-Protocol: gsma/rsp/v2.2.0\n", string contentType = "application/json") =>
        $"POST {path} HTTP/1.1\nHost: localhost\nContent-Type: {contentType}\n{adminProtocol}Connection: close\n{extra}";

    private sealed record RawAnswer(int Status, string Text)
    {
        public string Header(string name) =>
            Text.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
    }

    [TestCase("gsma/rsp/v\u0662.\u0662.\u0660", TestName = "X-Admin-Protocol with Arabic-Indic digits")]
    [TestCase("gsma/rsp/v\uFF12.2.0", TestName = "X-Admin-Protocol with a fullwidth digit")]
    [TestCase("gsma/rsp/v2.2.0\u0001", TestName = "X-Admin-Protocol with a control character")]
    public async Task A_header_with_unicode_digits_or_control_characters_is_a_request_error_and_is_not_echoed(string value)
    {
        byte[] body = Encoding.UTF8.GetBytes(Json);
        RawAnswer a = await RawAsync(Head(InitiateAuthentication, adminProtocol: $"X-Admin-Protocol: {value}\n") + $"Content-Length: {body.Length}\n\n", body);
        Assert.That(a.Status, Is.EqualTo(200), a.Text);
        Assert.That(a.Text, Does.Contain("\"subjectCode\":\"1.1\"").And.Contain("\"reasonCode\":\"2.1\""), a.Text);
        Assert.That(a.Header("X-Admin-Protocol"), Does.Match("^gsma/rsp/v[0-9]+\\.[0-9]+\\.[0-9]+$"), "the SM-DP+'s own version, not the request's value");
    }

    [TestCase(null, TestName = "ASN.1 binding without X-Admin-Protocol")]
    [TestCase("gsma/rsp/v\u0662.\u0662.\u0660", TestName = "ASN.1 binding with Unicode digits in X-Admin-Protocol")]
    public async Task The_ASN1_binding_applies_the_same_header_rule(string? value)
    {
        // A valid RemoteProfileProvisioningRequest would be taken: the header decides.
        byte[] body = Convert.FromHexString("BF398180" + "8010" + new string('0', 32) + "BF2000" + "8C19" + Convert.ToHexString(Encoding.ASCII.GetBytes("testsmdpplus1.example.com")));
        string header = value is null ? "" : $"X-Admin-Protocol: {value}\n";
        RawAnswer a = await RawAsync(Head("/gsma/rsp2/asn1", adminProtocol: header, contentType: "application/x-gsma-rsp-asn1") + $"Content-Length: {body.Length}\n\n", body);
        Assert.That(a.Status, Is.EqualTo(400), a.Text);
    }

    [TestCase(new byte[] { 0xC3, 0x28 }, TestName = "invalid UTF-8 inside a JSON string")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, TestName = "an encoded surrogate inside a JSON string")]
    [TestCase(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' }, TestName = "a lone surrogate escape inside a JSON string")]
    public async Task A_string_that_is_not_valid_text_is_a_request_error(byte[] inside)
    {
        byte[] body = [.. "{\"euiccChallenge\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"euiccInfo1\":\"vyAA\",\"smdpAddress\":\"x"u8, .. inside, .. "\"}"u8];
        RawAnswer a = await RawAsync(Head(InitiateAuthentication) + $"Content-Length: {body.Length}\n\n", body);
        Assert.That(a.Status, Is.EqualTo(200));
        Assert.That(a.Text, Does.Contain("\"reasonCode\":\"2.1\"").And.Contain("not valid UTF-8"), a.Text);
    }

    [TestCase("zz\r\n{}\r\n0\r\n\r\n", TestName = "a chunk size that is not hex")]
    [TestCase("FFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", TestName = "a chunk size that overflows")]
    [TestCase("2\r\n{}XX0\r\n\r\n", TestName = "a chunk without its CRLF")]
    public async Task A_request_that_cannot_be_framed_is_answered_400(string chunked)
    {
        RawAnswer a = await RawAsync(Head(InitiateAuthentication) + "Transfer-Encoding: chunked\n\n", Encoding.ASCII.GetBytes(chunked));
        // HTTP 400 where the framing fails; a chunk announced larger than the body limit is refused as too large (1.1/2.1) first.
        Assert.That(a.Status == 400 || (a.Status == 200 && a.Text.Contains("\"reasonCode\":\"2.1\"", StringComparison.Ordinal)), Is.True, a.Text);
        Assert.That(a.Text, Does.Not.Contain("\"reasonCode\":\"4.2\""), "never an unexpected error for the client's fault");
    }

    [Test]
    public async Task An_oversized_body_over_HTTP2_is_answered_and_the_stream_ends()
    {
        using HttpClient client = _h.Client(version: HttpVersion.Version20);
        client.Timeout = TimeSpan.FromSeconds(15);
        using var request = new HttpRequestMessage(HttpMethod.Post, InitiateAuthentication.TrimStart('/'))
        {
            Content = new ByteArrayContent(new byte[20 * 1024 * 1024]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Admin-Protocol", ServerHarness.AdminProtocol);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("larger than 65536 bytes"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the exchange ends when the answer is complete, not at the client's timeout");
    }

    [Test]
    public async Task The_SMDP_still_serves_after_the_probes()
    {
        using HttpClient client = _h.Client();
        RspAnswer a = await ServerHarness.PostAsync(client, InitiateAuthentication.TrimStart('/'), Json.Replace("vyAA", "vyAA", StringComparison.Ordinal));
        Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>Issue #14: eUICC certificates a probe corrupted answer their certificate code, in words.</summary>
public class CorruptCertificateTests
{
    private Es9Context _c = null!;
    private int _next = 300;

    [OneTimeSetUp]
    public async Task Start() => _c = await Es9Context.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _c.DisposeAsync();

    [SetUp]
    public void FreshEuicc() => _c.UseEuicc(TestDoubleEuicc.For(_c.Pki));

    /// <summary>AuthenticateClient with the certificates of the eUICC changed by <paramref name="euicc"/> and <paramref name="eum"/>.</summary>
    private async Task<Es9Answer> WithCertificatesAsync(Func<byte[], byte[]> euicc, Func<byte[], byte[]> eum)
    {
        int i = Interlocked.Increment(ref _next);
        await _c.ReleasedOrderAsync(i);
        (Es9Answer ia, string tid) = await _c.InitiateAsync();
        var asr = AuthenticateServerResponse.Decode(_c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, $"MATCH-{i:D5}").Encode()));
        AuthenticateResponseOk ok = asr.AuthenticateResponseOk!;
        var resent = AuthenticateServerResponse.Ok(ok with { EuiccCertificate = euicc(ok.EuiccCertificate), EumCertificate = eum(ok.EumCertificate) });
        return await _c.AuthenticateClientAsync(tid, resent.Encode());
    }

    private static byte[] Same(byte[] der) => der;

    /// <summary>The certificate with its outer signatureAlgorithm changed to ecdsa-with-SHA384 (the TBS one stays SHA-256).</summary>
    private static byte[] OuterAlgorithmChanged(byte[] der)
    {
        var cert = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
        var sha384 = new AlgorithmIdentifier(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.ECDsaWithSha384);
        return new DerSequence(cert.TbsCertificate, sha384, cert.Signature).GetDerEncoded();
    }

    /// <summary>The certificate with its keyUsage extension's BIT STRING corrupted (unused-bits count 8, which X.690 forbids).</summary>
    private static byte[] KeyUsageCorrupted(byte[] der) => ExtensionCorrupted(der, X509Extensions.KeyUsage, [0x03, 0x02, 0x08, 0x80]);

    /// <summary>The certificate with its authorityKeyIdentifier's keyIdentifier announcing 5 bytes and holding 1 (found by fuzz smdp: 1.2/4.2).</summary>
    private static byte[] AuthorityKeyIdentifierCorrupted(byte[] der) =>
        ExtensionCorrupted(der, X509Extensions.AuthorityKeyIdentifier, [0x30, 0x03, 0x80, 0x05, 0x00]);

    private static byte[] ExtensionCorrupted(byte[] der, DerObjectIdentifier oid, byte[] value)
    {
        var cert = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
        var tbs = (Asn1Sequence)cert.TbsCertificate.ToAsn1Object();
        var fields = tbs.Cast<Asn1Encodable>().ToArray();
        int at = Array.FindIndex(fields, f => f is Asn1TaggedObject { TagNo: 3 });
        var extensions = Asn1Sequence.GetInstance((Asn1TaggedObject)fields[at], true);
        var changed = extensions.Cast<Asn1Encodable>().Select(e =>
        {
            var ext = Asn1Sequence.GetInstance(e);
            if (!DerObjectIdentifier.GetInstance(ext[0]).Equals(oid))
            {
                return e;
            }
            Asn1Encodable[] parts = [.. ext.Cast<Asn1Encodable>()];
            parts[^1] = new DerOctetString(value);
            return new DerSequence(parts);
        }).ToArray();
        fields[at] = new DerTaggedObject(true, 3, new DerSequence(changed));
        return new DerSequence(new DerSequence(fields), cert.SignatureAlgorithm, cert.Signature).GetDerEncoded();
    }

    private static void AssertCode(Es9Answer a, string code)
    {
        Assert.That(a.Code, Is.EqualTo(code), a.Body?.ToString());
        Assert.That(a.Body?.ToString(), Does.Not.Contain("Exception").And.Not.Contain(" at Org.").And.Not.Contain("System."), "a message names the problem in words");
    }

    [Test]
    public async Task An_eUICC_certificate_whose_outer_algorithm_differs_from_its_TBS_is_an_invalid_certificate() =>
        AssertCode(await WithCertificatesAsync(OuterAlgorithmChanged, Same), "8.1.3 / 6.1");

    [Test]
    public async Task An_EUM_certificate_whose_outer_algorithm_differs_from_its_TBS_is_an_invalid_certificate() =>
        AssertCode(await WithCertificatesAsync(Same, OuterAlgorithmChanged), "8.1.2 / 6.1");

    [Test]
    public async Task An_eUICC_certificate_with_a_corrupted_keyUsage_is_refused_in_words() =>
        AssertCode(await WithCertificatesAsync(KeyUsageCorrupted, Same), "8.1.3 / 6.1");

    [Test]
    public async Task An_EUM_certificate_with_a_corrupted_authorityKeyIdentifier_is_an_invalid_certificate() =>
        AssertCode(await WithCertificatesAsync(Same, AuthorityKeyIdentifierCorrupted), "8.1.2 / 6.1");

    [Test]
    public async Task An_eUICC_certificate_with_a_corrupted_authorityKeyIdentifier_is_an_invalid_certificate() =>
        AssertCode(await WithCertificatesAsync(AuthorityKeyIdentifierCorrupted, Same), "8.1.3 / 6.1");

    [Test]
    public async Task An_EUM_certificate_with_a_corrupted_keyUsage_is_refused_in_words() =>
        AssertCode(await WithCertificatesAsync(Same, KeyUsageCorrupted), "8.1.2 / 6.1");
}
