using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es8;

/// <summary>A whole profile download through the APDU interface (SGP.22 v2.5 §3.1.3, §5.7.6, ES8+ §5.5).</summary>
public class DownloadTests
{
    [Test]
    public async Task NominalDownloadInstallsTheProfileDisabledAndKeepsTheSignedResult()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp, new BppSpec());

        ProfileInstallationResultData data = pir.ProfileInstallationResultData;
        Assert.That(data.ErrorResult, Is.Null, () => $"{data.ErrorResult!.BppCommandId}/{data.ErrorResult.ErrorReason}");
        Assert.That(Verify.ByEuicc(pir.DataToBeSigned(), pir.EuiccSignPIR), "euiccSignPIR over profileInstallationResultData");
        Assert.That(data.TransactionId, Is.EqualTo(smdp.TransactionId));
        Assert.That(data.SmdpOid, Is.EqualTo("2.999.10"), "registeredID of CERT.DPpb");
        Assert.That(data.NotificationMetadata.NotificationAddress, Is.EqualTo("notifications.example.com"));
        Assert.That(data.NotificationMetadata.ProfileManagementOperation.IsSet(NotificationEvent.notificationInstall));
        Assert.That(data.NotificationMetadata.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));

        IReadOnlyList<ProfileInfo> profiles = await Lpa.Profiles(card);
        Assert.That(profiles, Has.Count.EqualTo(1));
        Assert.That(profiles[0].Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
        Assert.That(profiles[0].ProfileState, Is.EqualTo(ProfileState.disabled));
        Assert.That(profiles[0].IsdpAid, Is.EqualTo(data.SuccessResult!.Aid));
        Assert.That(profiles[0].ServiceProviderName, Is.EqualTo("Conformance Operator"));

        IReadOnlyList<PendingNotification> pending = await Lpa.Retrieve(card);
        Assert.That(pending, Has.Count.EqualTo(1));
        Assert.That(pending[0].ProfileInstallationResult!.Encode(), Is.EqualTo(pir.Encode()), "the PIR is kept as a pending notification");
    }

    [Test]
    public async Task DownloadWithReplaceSessionKeysAndMetadataInThreeSegments()
    {
        await using TestCard card = await TestCard.OpenAsync();
        ProfileInstallationResult pir = await Lpa.Install(card, new TestSmdp(TestCard.Nist), new BppSpec { UsePpk = true, MetadataSegments = 3, ProfileSize = 5000 });
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null,
            () => $"{pir.ProfileInstallationResultData.ErrorResult!.BppCommandId}/{pir.ProfileInstallationResultData.ErrorResult.ErrorReason}");
        Assert.That(await Lpa.Profiles(card), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DownloadOnBrainpool()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Pki.For(Rsp.Crypto.RspCurve.BrainpoolP256r1));
        ProfileInstallationResult pir = await Lpa.Install(card, smdp);
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null);
        byte[] brpEuicc = TestCard.Pki.For(Rsp.Crypto.RspCurve.BrainpoolP256r1).Euicc.Certificate.Der;
        Assert.That(Verify.Signature(brpEuicc, pir.DataToBeSigned(), pir.EuiccSignPIR), "signed with the brainpool eUICC key of the session");
    }
}
