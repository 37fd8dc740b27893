using Conformance.Rsp.Pki;
using Conformance.Rsp.Smds;
using Conformance.SmdpPlus.Crypto;
using static Conformance.SmDs.Tests.SmdsHarness;

namespace Conformance.SmDs.Tests;

/// <summary>ES12.RegisterEvent / DeleteEvent (SGP.22 v2.5 §5.9): status codes, mutual TLS, persistence.</summary>
public sealed class Es12Tests
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

    private Task<SmdsAnswer> Register(HttpClient http, string eid, string eventId, string address = "smdp.example.com") =>
        _smds.PostAsync(http, SmdsPaths.RegisterEvent, new { header = Header, eid, rspServerAddress = address, eventId, forwardingIndicator = false });

    private Task<SmdsAnswer> Delete(HttpClient http, string eid, string eventId) =>
        _smds.PostAsync(http, SmdsPaths.DeleteEvent, new { header = Header, eid, eventId });

    [Test]
    public async Task Register_then_delete_succeeds_and_the_store_follows()
    {
        SmdsAnswer r = await Register(_dp, Eid1, "MATCH-1");
        Assert.That((r.Http, r.Status), Is.EqualTo((200, "Executed-Success")));
        Assert.That((await _smds.Server.Store.EventsAsync(Eid1)).Select(e => (e.EventId, e.RspServerAddress)), Is.EqualTo(new[] { ("MATCH-1", "smdp.example.com") }));

        SmdsAnswer d = await Delete(_dp, Eid1, "MATCH-1");
        Assert.That(d.Status, Is.EqualTo("Executed-Success"));
        Assert.That(await _smds.Server.Store.EventsAsync(Eid1), Is.Empty);
    }

    [Test]
    public async Task A_duplicate_registration_is_8_9_5_3_3()
    {
        await Register(_dp, Eid1, "DUP");
        SmdsAnswer again = await Register(_dp, Eid1, "DUP", "other.example.com");
        Assert.That((again.Status, again.Code), Is.EqualTo(("Failed", "8.9.5 / 3.3")));
        // The same EventID for another EID is another Event Record.
        Assert.That((await Register(_dp, Eid2, "DUP")).Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public async Task Deleting_an_unknown_event_is_8_9_5_3_9()
    {
        await Register(_dp, Eid1, "KNOWN");
        Assert.That((await Delete(_dp, Eid1, "UNKNOWN")).Code, Is.EqualTo("8.9.5 / 3.9"));
        Assert.That((await Delete(_dp, Eid2, "KNOWN")).Code, Is.EqualTo("8.9.5 / 3.9"), "the Event Record of another EID");
        await Delete(_dp, Eid1, "KNOWN");
        Assert.That((await Delete(_dp, Eid1, "KNOWN")).Code, Is.EqualTo("8.9.5 / 3.9"), "deleted twice");
    }

    [TestCase("""{"header":HDR,"rspServerAddress":"a.example","eventId":"E"}""", "8.1.1 / 2.2")]
    [TestCase("""{"header":HDR,"eid":"8904","rspServerAddress":"a.example","eventId":"E"}""", "8.1.1 / 2.1")]
    [TestCase("""{"header":HDR,"eid":12,"rspServerAddress":"a.example","eventId":"E"}""", "8.1.1 / 2.1")]
    [TestCase("""{"header":HDR,"eid":"EID","eventId":"E"}""", "8.1.1 / 2.1")]
    [TestCase("""{"header":HDR,"eid":"89049032123451234512345678901235","eventId":"E"}""", "1.1 / 2.2")]
    [TestCase("""{"header":HDR,"eid":"89049032123451234512345678901235","rspServerAddress":"a b","eventId":"E"}""", "1.1 / 2.1")]
    [TestCase("""{"header":HDR,"eid":"89049032123451234512345678901235","rspServerAddress":"a.example"}""", "1.1 / 2.2")]
    [TestCase("""{"header":HDR,"eid":"89049032123451234512345678901235","rspServerAddress":"a.example","eventId":""}""", "1.1 / 2.1")]
    [TestCase("""{"header":HDR,"eid":"89049032123451234512345678901235","rspServerAddress":"a.example","eventId":"E","forwardingIndicator":"no"}""", "1.1 / 2.1")]
    [TestCase("""{"eid":"89049032123451234512345678901235","rspServerAddress":"a.example","eventId":"E"}""", "1.1 / 2.2")]
    [TestCase("""[1,2]""", "1.1 / 2.1")]
    [TestCase("""{"header":""", "1.1 / 2.1")]
    public async Task Malformed_registrations_get_a_status_code_never_http_500(string body, string code)
    {
        string json = body.Replace("HDR", """{"functionRequesterIdentifier":"t","functionCallIdentifier":"1"}""", StringComparison.Ordinal);
        SmdsAnswer a = await _smds.PostAsync(_dp, SmdsPaths.RegisterEvent, json);
        Assert.That((a.Http, a.Status, a.Code), Is.EqualTo((200, "Failed", code)));
    }

    [Test]
    public async Task Wrong_content_type_and_unknown_functions_are_answered_in_the_binding()
    {
        SmdsAnswer a = await _smds.PostAsync(_dp, SmdsPaths.RegisterEvent, "{}", "text/plain");
        Assert.That(a.Code, Is.EqualTo("1.1 / 2.1"));
        SmdsAnswer b = await _smds.PostAsync(_dp, "/gsma/rsp2/es12/noSuchFunction", "{}");
        Assert.That((b.Http, b.Code), Is.EqualTo((200, "1.2 / 3.1")));
        Assert.That((await Delete(_dp, "1", "E")).Code, Is.EqualTo("8.1.1 / 2.1"));
    }

    [Test]
    public async Task Es12_requires_an_smdp_client_certificate_of_a_trusted_ci()
    {
        using HttpClient none = Client(null);
        Assert.That((await Register(none, Eid1, "E")).Code, Is.EqualTo("1.1 / 1.1"), "no client certificate");
        using HttpClient euicc = Client(CertificateWithKey.Of(Nist.Euicc));
        Assert.That((await Register(euicc, Eid1, "E")).Code, Is.EqualTo("1.1 / 1.1"), "an eUICC certificate");
        using HttpClient ds = Client(CertificateWithKey.Of(Nist.DsTls));
        Assert.That((await Register(ds, Eid1, "E")).Code, Is.EqualTo("1.1 / 1.1"), "an SM-DS certificate");
        using HttpClient unknownCi = Client(CertificateWithKey.Of(Nist[PkiItem.DpAuthUnderUnknownCi]));
        Assert.That((await Register(unknownCi, Eid1, "E")).Code, Is.EqualTo("1.1 / 1.1"), "an SM-DP+ certificate of an unknown CI");
        using HttpClient expired = Client(CertificateWithKey.Of(Nist[PkiItem.DpAuthExpired]));
        Assert.That((await Delete(expired, Eid1, "E")).Code, Is.EqualTo("1.1 / 1.1"), "an expired CERT.DPauth");
        Assert.That(await _smds.Server.Store.EventsAsync(null), Is.Empty);

        using HttpClient dpAuth = Client(DpAuth);
        Assert.That((await Register(dpAuth, Eid1, "E")).Status, Is.EqualTo("Executed-Success"), "CERT.DPauth is an SM-DP+ certificate too");
        Assert.That((await Delete(dpAuth, Eid1, "E")).Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public async Task Event_records_survive_a_restart()
    {
        await Register(_dp, Eid1, "PERSIST-1");
        await Register(_dp, Eid2, "PERSIST-2", "dp2.example.com");
        await _smds.RestartAsync();
        var events = await _smds.Server.Store.EventsAsync(null);
        Assert.That(events.Select(e => (e.Eid, e.EventId, e.RspServerAddress)),
            Is.EquivalentTo(new[] { (Eid1, "PERSIST-1", "smdp.example.com"), (Eid2, "PERSIST-2", "dp2.example.com") }));
        Assert.That((await Register(_dp, Eid1, "PERSIST-1")).Code, Is.EqualTo("8.9.5 / 3.3"), "still known after the restart");
        Assert.That((await Delete(_dp, Eid2, "PERSIST-2")).Status, Is.EqualTo("Executed-Success"));
    }
}
