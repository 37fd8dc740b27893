using System.Net;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>ES9+.HandleNotification and ES9+.CancelSession (SGP.22 v2.5 §5.6.4, §5.6.5; SGP.23 §4.3.15–§4.3.16).</summary>
public class NotificationAndCancelTests
{
    private Es9Context _c = null!;
    private int _next = 300;

    [OneTimeSetUp]
    public async Task Start() => _c = await Es9Context.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _c.DisposeAsync();

    [SetUp]
    public void FreshEuicc() => _c.UseEuicc(TestDoubleEuicc.For(_c.Pki));

    private async Task<(string Iccid, string Mid)> OrderAsync()
    {
        int i = Interlocked.Increment(ref _next);
        return (await _c.ReleasedOrderAsync(i), $"MATCH-{i:D5}");
    }

    private async Task<(string Iccid, string Tid, byte[] Pir)> LoadedAsync()
    {
        (string iccid, string mid) = await OrderAsync();
        (string tid, byte[] pdr) = await _c.PreparedAsync(mid);
        byte[] bpp = (await _c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage");
        return (iccid, tid, _c.Euicc.LoadBoundProfilePackage(bpp));
    }

    [Test]
    public async Task SuccessfulPirIsAnswered204AndInstallsTheProfile()
    {
        (string iccid, _, byte[] pir) = await LoadedAsync();
        Es9Answer a = await _c.NotifyAsync(pir);
        Assert.That((a.HttpStatus, a.Body), Is.EqualTo((HttpStatusCode.NoContent, (System.Text.Json.JsonElement?)null)));
        Assert.That((await _c.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
    }

    [TestCase(ErrorReason.scp03tSecurityError)]
    [TestCase(ErrorReason.pprNotAllowed)]
    [TestCase(ErrorReason.unknownError)]
    public async Task ErrorPirIsAnswered204AndPutsTheProfileInError(ErrorReason reason)
    {
        (string iccid, string tid, byte[] good) = await LoadedAsync();
        var data = ProfileInstallationResult.Decode(good).ProfileInstallationResultData;
        var error = data with { SuccessResult = null, ErrorResult = new ErrorResult(BppCommandId.loadProfileElements, reason) };
        byte[] pir = new ProfileInstallationResult(error, _c.EuiccSign(error.Encode())).Encode();
        Assert.That((await _c.NotifyAsync(pir)).HttpStatus, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _c.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Error));
        _ = tid;
    }

    [Test]
    public async Task PirWithUnknownTransactionIdIsAnswered204AndRecorded()
    {
        (_, _, byte[] good) = await LoadedAsync();
        var data = ProfileInstallationResult.Decode(good).ProfileInstallationResultData with { TransactionId = new byte[] { 1, 2, 3 } };
        Assert.That((await _c.NotifyAsync(new ProfileInstallationResult(data, _c.EuiccSign(data.Encode())).Encode())).HttpStatus, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _c.Store.ListNotificationsAsync()).Any(n => n.TransactionId == "010203" && n.Kind.Contains("unknownTransactionId")), Is.True);
    }

    [TestCase(NotificationEvent.notificationEnable, "enable")]
    [TestCase(NotificationEvent.notificationDisable, "disable")]
    [TestCase(NotificationEvent.notificationDelete, "delete")]
    [TestCase(NotificationEvent.notificationInstall, "install")]
    public async Task OtherSignedNotificationIsVerifiedAnswered204AndRecorded(NotificationEvent e, string kind)
    {
        int seq = 1000 + (int)e;
        var meta = new NotificationMetadata(seq, NamedBitList.Of(e), _c.Address, Iccid.FromString(Es9Context.Iccid(1)));
        var other = new OtherSignedNotification(meta, _c.EuiccSign(meta.Encode()), _c.Pki.Euicc.Certificate.Der, _c.Pki.Eum.Certificate.Der);
        Assert.That((await _c.NotifyAsync(other.Encode())).HttpStatus, Is.EqualTo(HttpStatusCode.NoContent));
        ReceivedNotification stored = (await _c.Store.ListNotificationsAsync()).Single(n => n.SequenceNumber == seq);
        Assert.That((stored.Kind, stored.Eid), Is.EqualTo((kind, Es9Context.Eid)));
    }

    private async Task<Es9Answer> CancelAsync(string tid, CancelSessionReason reason, string? oid = null, bool corrupt = false, string? signedTid = null)
    {
        var signed = new EuiccCancelSessionSigned(Convert.FromHexString(signedTid ?? tid), oid ?? "2.999.10", reason);
        byte[] sig = _c.EuiccSign(signed.Encode());
        if (corrupt)
        {
            sig[3] ^= 1;
        }
        return await _c.CancelAsync(tid, CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, sig)).Encode());
    }

    [TestCase(CancelSessionReason.endUserRejection, SmdpProfileState.Error)]
    [TestCase(CancelSessionReason.postponed, SmdpProfileState.Released)]
    [TestCase(CancelSessionReason.timeout, SmdpProfileState.Released)]
    [TestCase(CancelSessionReason.pprNotAllowed, SmdpProfileState.Error)]
    [TestCase(CancelSessionReason.metadataMismatch, SmdpProfileState.Error)]
    [TestCase(CancelSessionReason.loadBppExecutionError, SmdpProfileState.Error)]
    [TestCase(CancelSessionReason.undefinedReason, SmdpProfileState.Error)]
    public async Task CancelAfterGetBoundProfilePackage(CancelSessionReason reason, SmdpProfileState expected)
    {
        (string iccid, string mid) = await OrderAsync();
        (string tid, byte[] pdr) = await _c.PreparedAsync(mid);
        Assert.That((await _c.GetBppAsync(tid, pdr)).Succeeded, Is.True);
        Es9Answer a = await CancelAsync(tid, reason);
        Assert.That(a.Succeeded, Is.True, a.Code);
        Assert.That((await _c.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(expected));
        Assert.That((await _c.Store.GetSessionAsync(tid))!.State, Is.EqualTo(DownloadSessionState.Cancelled));
    }

    [Test]
    public async Task CancelAfterAuthenticateClientThroughTheEuicc()
    {
        (string iccid, string mid) = await OrderAsync();
        (string tid, _) = await _c.AuthenticatedAsync(mid);
        byte[] csr = _c.Euicc.CancelSession(new CancelSessionRequest(Convert.FromHexString(tid), CancelSessionReason.postponed).Encode());
        Assert.That((await _c.CancelAsync(tid, csr)).Succeeded, Is.True);
        Assert.That((await _c.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Released));
    }

    [Test]
    public async Task CancelUnknownTransactionId_8_10_1_3_9()
    {
        (_, string mid) = await OrderAsync();
        (string tid, _) = await _c.AuthenticatedAsync(mid);
        Assert.That((await CancelAsync("00FF00FF", CancelSessionReason.timeout, signedTid: tid)).Code, Is.EqualTo("8.10.1 / 3.9"));
    }

    [Test]
    public async Task CancelWithInvalidSignature_8_1_6_1()
    {
        (_, string mid) = await OrderAsync();
        (string tid, _) = await _c.AuthenticatedAsync(mid);
        Assert.That((await CancelAsync(tid, CancelSessionReason.timeout, corrupt: true)).Code, Is.EqualTo("8.1 / 6.1"));
    }

    [Test]
    public async Task CancelWithAnotherSmdpOid_8_8_3_10()
    {
        (_, string mid) = await OrderAsync();
        (string tid, _) = await _c.AuthenticatedAsync(mid);
        Assert.That((await CancelAsync(tid, CancelSessionReason.timeout, oid: "2.999.77")).Code, Is.EqualTo("8.8 / 3.10"));
    }
}
