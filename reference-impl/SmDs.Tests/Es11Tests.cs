using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Smds;
using static Conformance.SmDs.Tests.SmdsHarness;

namespace Conformance.SmDs.Tests;

/// <summary>ES11.InitiateAuthentication / AuthenticateClient (SGP.22 v2.5 §5.8, §3.6.2) with the reference eUICC.</summary>
public sealed class Es11Tests
{
    private SmdsHarness _smds = null!;
    private HttpClient _dp = null!;

    [SetUp]
    public async Task SetUp()
    {
        _smds = await SmdsHarness.StartAsync();
        _dp = Client(DpTls);
    }

    [TearDown]
    public async Task TearDown()
    {
        _dp.Dispose();
        await _smds.DisposeAsync();
    }

    private async Task Register(string eid, string eventId, string address = "smdp.example.com")
    {
        SmdsAnswer a = await _smds.PostAsync(_dp, SmdsPaths.RegisterEvent, new { header = Header, eid, rspServerAddress = address, eventId });
        Assert.That(a.Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public async Task InitiateAuthentication_is_signed_with_CERT_DSauth_over_serverSigned1()
    {
        var lpa = Es11Lpa.For(_smds);
        SmdsAnswer ia = await lpa.InitiateAsync();
        Assert.That(ia.Status, Is.EqualTo("Executed-Success"));
        var cert = RspCertificate.Parse(ia.Bytes("serverCertificate"));
        Assert.That(cert.Policies, Does.Contain(RspCertificatePolicies.DsAuth));
        Assert.That(ServerSigned1.Decode(ia.Bytes("serverSigned1")).ServerAddress, Is.EqualTo(_smds.Options.SmdsAddress));
        Assert.That(AuthenticateServerResponse.Decode(lpa.AuthenticateServer(null)).AuthenticateResponseOk, Is.Not.Null);
    }

    [Test]
    public async Task The_es9plus_paths_serve_the_same_functions()
    {
        var lpa = Es11Lpa.For(_smds);
        Assert.That((await lpa.InitiateAsync(path: SmdsPaths.Es9PlusInitiateAuthentication)).Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public async Task AuthenticateClient_answers_the_events_of_that_eid_only()
    {
        await Register(Eid1, "MINE-1");
        await Register(Eid1, "MINE-2", "dp2.example.com");
        await Register(Eid2, "OTHERS");
        SmdsAnswer a = await Es11Lpa.For(_smds).RetrieveAsync();
        Assert.That(a.Status, Is.EqualTo("Executed-Success"), a.Body.ToString());
        Assert.That(Es11Lpa.Entries(a), Is.EqualTo(new[] { ("MINE-1", "smdp.example.com"), ("MINE-2", "dp2.example.com") }));
        Assert.That(a.Text("transactionId"), Has.Length.EqualTo(32));
    }

    [Test]
    public async Task An_eid_without_events_gets_an_empty_list()
    {
        await Register(Eid2, "OTHERS");
        SmdsAnswer a = await Es11Lpa.For(_smds).RetrieveAsync();
        Assert.That((a.Status, Es11Lpa.Entries(a).Count()), Is.EqualTo(("Executed-Success", 0)));
    }

    [Test]
    public async Task A_matchingId_selects_its_event_and_an_unknown_one_is_8_9_5_3_9()
    {
        await Register(Eid1, "MINE-1");
        await Register(Eid1, "MINE-2");
        Assert.That(Es11Lpa.Entries(await Es11Lpa.For(_smds).RetrieveAsync("MINE-2")), Is.EqualTo(new[] { ("MINE-2", "smdp.example.com") }));
        Assert.That((await Es11Lpa.For(_smds).RetrieveAsync("NOT-REGISTERED")).Code, Is.EqualTo("8.9.5 / 3.9"));
    }

    [Test]
    public async Task A_deleted_event_is_no_longer_retrieved()
    {
        await Register(Eid1, "GONE");
        await _smds.PostAsync(_dp, SmdsPaths.DeleteEvent, new { header = Header, eid = Eid1, eventId = "GONE" });
        Assert.That(Es11Lpa.Entries(await Es11Lpa.For(_smds).RetrieveAsync()), Is.Empty);
    }

    [Test]
    public async Task A_wrong_smds_address_is_8_9_1_3_8() =>
        Assert.That((await Es11Lpa.For(_smds).InitiateAsync("other.smds.example.com")).Code, Is.EqualTo("8.9.1 / 3.8"));

    [TestCase("""{"euiccChallenge":"AAECAwQFBgcICQoLDA0ODw==","euiccInfo1":"AQID","smdsAddress":"testrootsmds.example.com"}""", "1.1 / 2.1")]
    [TestCase("""{"euiccChallenge":"AAEC","euiccInfo1":"vyAA","smdsAddress":"testrootsmds.example.com"}""", "1.1 / 2.1")]
    [TestCase("""{"euiccChallenge":"AAECAwQFBgcICQoLDA0ODw==","euiccInfo1":"vyAA"}""", "8.9.1 / 2.2")]
    [TestCase("""{"euiccInfo1":"vyAA","smdsAddress":"testrootsmds.example.com"}""", "1.1 / 2.2")]
    public async Task Malformed_InitiateAuthentication_gets_a_status_code(string body, string code)
    {
        SmdsAnswer a = await _smds.PostAsync(_dp, SmdsPaths.InitiateAuthentication, body);
        Assert.That((a.Http, a.Status, a.Code), Is.EqualTo((200, "Failed", code)));
    }

    [Test]
    public async Task An_unknown_transactionId_is_8_10_1_3_9_and_a_session_serves_once()
    {
        var lpa = Es11Lpa.For(_smds);
        await lpa.InitiateAsync();
        byte[] asr = lpa.AuthenticateServer(null);
        Assert.That((await lpa.AuthenticateClientAsync(asr, "00112233445566778899AABBCCDDEEFF")).Code, Is.EqualTo("8.10.1 / 3.9"));
        Assert.That((await lpa.AuthenticateClientAsync(asr)).Status, Is.EqualTo("Executed-Success"));
        Assert.That((await lpa.AuthenticateClientAsync(asr)).Code, Is.EqualTo("8.10.1 / 3.9"), "the RSP session ended with the retrieval");
        Assert.That((await lpa.AuthenticateClientAsync([0x30, 0x00])).Code, Is.EqualTo("1.1 / 2.1"));
    }

    [Test]
    public async Task A_forged_euiccSignature1_is_8_1_6_1()
    {
        var lpa = Es11Lpa.For(_smds);
        await lpa.InitiateAsync();
        AuthenticateServerResponse asr = AuthenticateServerResponse.Decode(lpa.AuthenticateServer(null));
        AuthenticateResponseOk ok = asr.AuthenticateResponseOk!;
        byte[] forged = ok.EuiccSignature1.ToArray();
        forged[10] ^= 0x01;
        byte[] der = AuthenticateServerResponse.Ok(ok with { EuiccSignature1 = forged }).Encode();
        Assert.That((await lpa.AuthenticateClientAsync(der)).Code, Is.EqualTo("8.1 / 6.1"));
    }

    [Test]
    public async Task An_eUICC_certificate_of_an_unknown_ci_is_refused()
    {
        var lpa = Es11Lpa.For(_smds);
        await lpa.InitiateAsync();
        AuthenticateResponseOk ok = AuthenticateServerResponse.Decode(lpa.AuthenticateServer(null)).AuthenticateResponseOk!;
        byte[] der = AuthenticateServerResponse.Ok(ok with
        {
            EuiccCertificate = Nist[PkiItem.EuiccUnderUnknownCi].Certificate.Der,
            EumCertificate = Nist[PkiItem.EumUnderUnknownCi].Certificate.Der,
        }).Encode();
        Assert.That((await lpa.AuthenticateClientAsync(der)).Code, Is.EqualTo("8.11.1 / 3.9"));
    }
}
