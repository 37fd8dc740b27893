using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Rsp.Smds;
using static Conformance.SmDs.Tests.SmdsHarness;

namespace Conformance.SmDs.Tests;

/// <summary>Each <see cref="SmdsDefect"/> changes what the SM-DS answers, in the way its name says (and only with the switch on).</summary>
public sealed class DefectTests
{
    private static async Task<SmdsHarness> With(SmdsDefect defect) =>
        await SmdsHarness.StartAsync(new SmdsOptions { Defects = new HashSet<SmdsDefect> { defect } });

    private static Task<SmdsAnswer> Register(SmdsHarness smds, HttpClient dp, string eid, string eventId) =>
        smds.PostAsync(dp, SmdsPaths.RegisterEvent, new { header = Header, eid, rspServerAddress = "smdp.example.com", eventId });

    private static Task<SmdsAnswer> Delete(SmdsHarness smds, HttpClient dp, string eid, string eventId) =>
        smds.PostAsync(dp, SmdsPaths.DeleteEvent, new { header = Header, eid, eventId });

    [Test]
    public async Task EventForOtherEid_answers_the_events_of_another_eid()
    {
        await using SmdsHarness smds = await With(SmdsDefect.EventForOtherEid);
        using HttpClient dp = Client(DpTls);
        await Register(smds, dp, Eid2, "OTHERS");
        Assert.That(Es11Lpa.Entries(await Es11Lpa.For(smds).RetrieveAsync()).Select(e => e.EventId), Is.EqualTo(new[] { "OTHERS" }));
    }

    [Test]
    public async Task EventNotDeleted_keeps_the_record_after_a_successful_delete()
    {
        await using SmdsHarness smds = await With(SmdsDefect.EventNotDeleted);
        using HttpClient dp = Client(DpTls);
        await Register(smds, dp, Eid1, "STAYS");
        Assert.That((await Delete(smds, dp, Eid1, "STAYS")).Status, Is.EqualTo("Executed-Success"));
        Assert.That(Es11Lpa.Entries(await Es11Lpa.For(smds).RetrieveAsync()).Select(e => e.EventId), Is.EqualTo(new[] { "STAYS" }));
    }

    [Test]
    public async Task SignatureOverWrongData_makes_the_eUICC_refuse_serverSignature1()
    {
        await using SmdsHarness smds = await With(SmdsDefect.SignatureOverWrongData);
        var lpa = Es11Lpa.For(smds);
        SmdsAnswer ia = await lpa.InitiateAsync();
        Assert.That(ia.Status, Is.EqualTo("Executed-Success"));
        Assert.That(AuthenticateServerResponse.Decode(lpa.AuthenticateServer(null)).AuthenticateResponseError?.AuthenticateErrorCode,
            Is.EqualTo(AuthenticateErrorCode.invalidSignature));
    }

    [Test]
    public async Task WrongStatusCodeForUnknownEvent_answers_8_9_5_3_3()
    {
        await using SmdsHarness smds = await With(SmdsDefect.WrongStatusCodeForUnknownEvent);
        using HttpClient dp = Client(DpTls);
        Assert.That((await Delete(smds, dp, Eid1, "NONE")).Code, Is.EqualTo("8.9.5 / 3.3"));
    }

    [Test]
    public async Task DuplicateEventAccepted_answers_success_for_a_duplicate()
    {
        await using SmdsHarness smds = await With(SmdsDefect.DuplicateEventAccepted);
        using HttpClient dp = Client(DpTls);
        await Register(smds, dp, Eid1, "TWICE");
        Assert.That((await Register(smds, dp, Eid1, "TWICE")).Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public async Task AcceptUnauthenticatedSmdp_registers_without_a_client_certificate()
    {
        await using SmdsHarness smds = await With(SmdsDefect.AcceptUnauthenticatedSmdp);
        using HttpClient anonymous = Client(null);
        Assert.That((await Register(smds, anonymous, Eid1, "ANON")).Status, Is.EqualTo("Executed-Success"));
    }

    [Test]
    public void Every_defect_has_a_test_here() =>
        Assert.That(typeof(DefectTests).GetMethods().Count(m => Enum.GetNames<SmdsDefect>().Any(n => m.Name.StartsWith(n + "_", StringComparison.Ordinal))),
            Is.EqualTo(Enum.GetValues<SmdsDefect>().Length));
}
