using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Euicc.Tests.Es10;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Faults;

/// <summary>The named defects (<see cref="EuiccDefect"/>): each makes the card break the SHALL it names, observably through APDUs.</summary>
public class DefectTests
{
    private static EuiccOptions With(params EuiccDefect[] defects) => new() { Faults = EuiccFaultOptions.With(defects) };

    private static async Task<ProfileInstallationResult> InstallWithBadMac(TestCard card)
    {
        var smdp = new TestSmdp(TestCard.Nist);
        PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk);
        bpp.Chunks[bpp.First86][^1] ^= 0x01;
        return (await Lpa.LoadBpp(card, bpp)).Result;
    }

    [Test]
    public async Task AcceptBadBspMac()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.AcceptBadBspMac));
        Assert.That((await InstallWithBadMac(card)).ProfileInstallationResultData.SuccessResult, Is.Not.Null);
    }

    [Test]
    public async Task KeepHalfInstalledProfile()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.KeepHalfInstalledProfile));
        Assert.That((await InstallWithBadMac(card)).ProfileInstallationResultData.ErrorResult, Is.Not.Null);
        Assert.That(await Lpa.Profiles(card), Has.Count.EqualTo(1), "the failed profile stayed");
    }

    [Test]
    public async Task AcceptMismatchedIccid()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.AcceptMismatchedIccid));
        ProfileInstallationResult pir = await Lpa.Install(card, new TestSmdp(TestCard.Nist), new BppSpec { HeaderIccid = "89000123456789012358" });
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null);
    }

    [Test]
    public async Task IgnorePpr1AndPpr2()
    {
        var a = new BppSpec { Iccid = ProfileManagementTests.IccidA, ProfilePolicyRules = NamedBitList.Of(PprId.ppr1, PprId.ppr2) };
        await using TestCard card = await ProfileManagementTests.CardWithTwoProfiles(With(EuiccDefect.IgnorePpr1, EuiccDefect.IgnorePpr2), a: a);
        await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA));
        Assert.That(DisableProfileResponse.Decode(await card.Es10(ProfileManagementTests.Disable(ProfileManagementTests.IccidA))).DisableResult, Is.EqualTo(DisableProfileResult.ok));
        Assert.That(DeleteProfileResponse.Decode(await card.Es10(ProfileManagementTests.Delete(ProfileManagementTests.IccidA))).DeleteResult, Is.EqualTo(DeleteProfileResult.ok));
    }

    [Test]
    public async Task WrongResultForEnablingEnabledProfile()
    {
        await using TestCard card = await ProfileManagementTests.CardWithTwoProfiles(With(EuiccDefect.WrongResultForEnablingEnabledProfile));
        await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA));
        Assert.That(EnableProfileResponse.Decode(await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA))).EnableResult, Is.EqualTo(EnableProfileResult.ok));
    }

    [TestCase(EuiccDefect.NoNotificationAfterEnable)]
    [TestCase(EuiccDefect.NoNotificationAfterDisable)]
    [TestCase(EuiccDefect.NoNotificationAfterDelete)]
    public async Task NoNotification(EuiccDefect defect)
    {
        await using TestCard card = await ProfileManagementTests.CardWithTwoProfiles(With(defect));
        string a = ProfileManagementTests.IccidA;
        var counts = new List<int> { (await Lpa.Notifications(card)).Count };
        foreach (byte[] command in new[] { ProfileManagementTests.Enable(a), ProfileManagementTests.Disable(a), ProfileManagementTests.Delete(a) })
        {
            Assert.That(Convert.ToHexString(await card.Es10(command)), Does.EndWith("800100"), "ok(0)");
            counts.Add((await Lpa.Notifications(card)).Count);
        }
        int silent = defect switch { EuiccDefect.NoNotificationAfterEnable => 1, EuiccDefect.NoNotificationAfterDisable => 2, _ => 3 };
        for (int step = 1; step <= 3; step++)
        {
            Assert.That(counts[step] - counts[step - 1], Is.EqualTo(step == silent ? 0 : 1), $"step {step}");
        }
    }

    [Test]
    public async Task LoseStateAtReset()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.LoseStateAtReset));
        await Lpa.Install(card, new TestSmdp(TestCard.Nist));
        Assert.That(await Lpa.Profiles(card), Has.Count.EqualTo(1));
        await card.ResetAsync();
        Assert.That(await Lpa.Profiles(card), Is.Empty);
        Assert.That(await Lpa.Notifications(card), Is.Empty);
    }

    [Test]
    public async Task TruncateResponsesOver256()
    {
        string dir = Path.Combine(Path.GetTempPath(), "euicc-truncate-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Two installations on a sound card (their AuthenticateServer responses are long too), then the defect.
            TestCard sound = await ProfileManagementTests.CardWithTwoProfiles(new EuiccOptions(), stateDirectory: dir);
            await sound.DisposeAsync();
            await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.TruncateResponsesOver256), dir);
            byte[] r = await card.Es10(new RetrieveNotificationsListRequest().Encode());
            Assert.That(r, Has.Length.EqualTo(256));
            Assert.Throws<Rsp.Asn1.Asn1DecodeException>(() => RetrieveNotificationsListResponse.Decode(r));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task AcceptDpAuthFromUnknownCi()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.AcceptDpAuthFromUnknownCi));
        var smdp = new TestSmdp(TestCard.Nist) { DpAuth = TestCard.Nist[PkiItem.DpAuthUnderUnknownCi] };
        Assert.That((await Lpa.AuthenticateServer(card, smdp.AuthenticateServer(await Lpa.Challenge(card)))).AuthenticateResponseOk, Is.Not.Null);
    }

    [Test]
    public async Task SkipEuiccChallengeCheck()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.SkipEuiccChallengeCheck));
        await Lpa.Challenge(card);
        Assert.That((await Lpa.AuthenticateServer(card, new TestSmdp(TestCard.Nist).AuthenticateServer(new byte[16]))).AuthenticateResponseOk, Is.Not.Null);
    }

    [Test]
    public async Task SkipTransactionIdCheckInPrepareDownload()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.SkipTransactionIdCheckInPrepareDownload));
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        PrepareDownloadResponse r = await Lpa.PrepareDownload(card, smdp.PrepareDownload(auth.EuiccSignature1, transactionId: [7, 7, 7]));
        Assert.That(r.DownloadResponseOk, Is.Not.Null);
    }

    [Test]
    public async Task ReuseEuiccChallenge()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.ReuseEuiccChallenge));
        Assert.That(await Lpa.Challenge(card), Is.EqualTo(await Lpa.Challenge(card)));
    }

    [Test]
    public async Task SignWithWrongKey()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.SignWithWrongKey));
        AuthenticateResponseOk ok = await Lpa.Authenticate(card, new TestSmdp(TestCard.Nist));
        Assert.That(Verify.Signature(ok.EuiccCertificate, ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1), Is.False);
    }

    [Test]
    public async Task BlameProfileElementsForEverySegment()
    {
        await using TestCard card = await TestCard.OpenAsync(With(EuiccDefect.BlameProfileElementsForEverySegment));
        var smdp = new TestSmdp(TestCard.Nist);
        PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk);
        bpp.Chunks[bpp.First88][^1] ^= 0x01;
        ErrorResult? error = (await Lpa.LoadBpp(card, bpp)).Result.ProfileInstallationResultData.ErrorResult;
        Assert.That((error?.BppCommandId, error?.ErrorReason), Is.EqualTo((BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError)),
            "a bad StoreMetadata MAC blamed on the profile elements");
    }

    [Test]
    public void RefuseCloseChannelWithP3()
    {
        var card = new IsdrFrontEnd(new RecordingHandler(), new IsdrOptions { Defects = new HashSet<EuiccDefect> { EuiccDefect.RefuseCloseChannelWithP3 } });
        Assert.That(card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(card.Send("0070800100"), Is.EqualTo("6700"), "the T=0 form is refused");
        Assert.That(card.Send("00708001"), Is.EqualTo("9000"), "the 4-byte form still closes");
    }

    [Test]
    public void AtLeastTwelveDefectsAreNamed() => Assert.That(Enum.GetValues<EuiccDefect>(), Has.Length.GreaterThanOrEqualTo(12));
}
