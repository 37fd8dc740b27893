using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es8;

/// <summary>
/// Every ES8+ failure ends the installation with a signed ProfileInstallationResult carrying the failing
/// BppCommandId and the spec's ErrorReason (SGP.22 v2.5 §5.5, §5.7.6), answered on the failing STORE DATA
/// sequence, kept as a pending notification, and leaves no half-installed profile.
/// </summary>
public class InstallationErrorTests
{
    public sealed record Case(string Name, BppSpec Spec, Func<BuiltBpp, List<byte[]>> Chunks, BppCommandId Command, ErrorReason Reason, Func<BuiltBpp, int> AnsweredAt)
    {
        public override string ToString() => Name;
    }

    private static List<byte[]> Same(BuiltBpp b) => b.Chunks;

    private static Func<BuiltBpp, List<byte[]>> FlipLastByte(Func<BuiltBpp, int> index) => b =>
    {
        List<byte[]> c = [.. b.Chunks.Select(x => (byte[])x.Clone())];
        c[index(b)][^1] ^= 0x01;
        return c;
    };

    private static int Last(BuiltBpp b) => b.Chunks.Count - 1;

    public static IEnumerable<Case> Cases() =>
    [
        new("bad MAC on a profile segment (86)", new BppSpec(), FlipLastByte(b => b.First86 + 1), BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError, b => b.First86 + 1),
        new("bad MAC on ConfigureISDP (87)", new BppSpec(), FlipLastByte(_ => 1), BppCommandId.configureISDP, ErrorReason.scp03tSecurityError, _ => 1),
        new("bad MAC on StoreMetadata (88)", new BppSpec { MetadataSegments = 2 }, FlipLastByte(b => b.First88 + 1), BppCommandId.storeMetadata, ErrorReason.scp03tSecurityError, b => b.First88 + 1),
        new("bad MAC on ReplaceSessionKeys (A2 87)", new BppSpec { UsePpk = true }, FlipLastByte(b => b.A2!.Value), BppCommandId.replaceSessionKeys, ErrorReason.scp03tSecurityError, b => b.A2!.Value),
        new("profile segments swapped", new BppSpec(), b =>
        {
            List<byte[]> c = [.. b.Chunks];
            (c[b.First86], c[b.First86 + 1]) = (c[b.First86 + 1], c[b.First86]);
            return c;
        }, BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError, b => b.First86),
        new("a profile segment skipped (counter and MAC chain out of step)", new BppSpec(), b => [.. b.Chunks.Where((_, i) => i != b.First86)],
            BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError, b => b.First86),
        new("a profile segment replayed", new BppSpec(), b => [.. b.Chunks.Take(b.First86 + 1), b.Chunks[b.First86], .. b.Chunks.Skip(b.First86 + 1)],
            BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError, b => b.First86 + 1),
        new("oversized profile segment (over 1020 bytes)", new BppSpec { OversizedSegment = true }, Same, BppCommandId.loadProfileElements, ErrorReason.scp03tStructureError, b => b.First86),
        new("profile segment before the metadata", new BppSpec(), b => [b.Chunks[0], b.Chunks[1], b.Chunks[b.First86]], BppCommandId.storeMetadata, ErrorReason.scp03tStructureError, _ => 2),
        new("ICCID of the profile differs from the metadata", new BppSpec { HeaderIccid = "89000123456789012358" }, Same, BppCommandId.loadProfileElements, ErrorReason.dataMismatch, Last),
        new("wrong transactionId in InitialiseSecureChannel", new BppSpec { IscTransactionId = [1, 2, 3, 4] }, Same, BppCommandId.initialiseSecureChannel, ErrorReason.invalidTransactionId, _ => 0),
        new("smdpSign does not verify", new BppSpec { CorruptSmdpSign = true }, Same, BppCommandId.initialiseSecureChannel, ErrorReason.invalidSignature, _ => 0),
        new("CRT keyType is not AES", new BppSpec { KeyType = 0x80 }, Same, BppCommandId.initialiseSecureChannel, ErrorReason.unsupportedCrtValues, _ => 0),
        new("CRT keyLen is not 16", new BppSpec { KeyLen = 0x20 }, Same, BppCommandId.initialiseSecureChannel, ErrorReason.unsupportedCrtValues, _ => 0),
        new("unknown remoteOpId", new BppSpec { RemoteOpId = 2 }, Same, BppCommandId.initialiseSecureChannel, ErrorReason.unsupportedRemoteOperationType, _ => 0),
        new("malformed InitialiseSecureChannelRequest", new BppSpec(), b => [b.Chunks[0][..^3], .. b.Chunks.Skip(1)], BppCommandId.initialiseSecureChannel, ErrorReason.incorrectInputValues, _ => 0),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task FailureEndsTheInstallationWithTheSpecsResult(Case c)
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk, c.Spec);
        var sent = bpp with { Chunks = c.Chunks(bpp) };
        (ProfileInstallationResult pir, int at) = await Lpa.LoadBpp(card, sent);
        await AssertFailed(card, smdp, pir, c.Command, c.Reason, expectedProfiles: 0);
        Assert.That(at, Is.EqualTo(c.AnsweredAt(bpp)), "answered on the failing STORE DATA sequence");
        Assert.That(await card.Es10Status(sent.Chunks[Math.Min(at + 1, sent.Chunks.Count - 1)]), Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied),
            "the installation is over: further sequences are refused");
    }

    internal static async Task AssertFailed(TestCard card, TestSmdp smdp, ProfileInstallationResult pir, BppCommandId command, ErrorReason reason, int expectedProfiles)
    {
        ErrorResult? error = pir.ProfileInstallationResultData.ErrorResult;
        Assert.That(error, Is.Not.Null, "errorResult expected");
        Assert.That((error!.BppCommandId, error.ErrorReason), Is.EqualTo((command, reason)));
        Assert.That(pir.ProfileInstallationResultData.TransactionId, Is.EqualTo(smdp.TransactionId));
        Assert.That(Verify.ByEuicc(pir.DataToBeSigned(), pir.EuiccSignPIR), "euiccSignPIR verifies");
        Assert.That(await Lpa.Profiles(card), Has.Count.EqualTo(expectedProfiles), "no half-installed profile remains");
        IReadOnlyList<PendingNotification> pending = await Lpa.Retrieve(card);
        Assert.That(pending[^1].ProfileInstallationResult?.Encode(), Is.EqualTo(pir.Encode()), "the error PIR is a pending notification");
    }

    [Test]
    public async Task SecondProfileWithTheSameIccid()
    {
        await using TestCard card = await TestCard.OpenAsync();
        Assert.That((await Lpa.Install(card, new TestSmdp(TestCard.Nist))).ProfileInstallationResultData.SuccessResult, Is.Not.Null);
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp);
        await AssertFailed(card, smdp, pir, BppCommandId.storeMetadata, ErrorReason.iccidAlreadyExistsOnEuicc, expectedProfiles: 1);
    }

    [Test]
    public async Task PprNotAllowedByAnEmptyRat()
    {
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { Rat = [] });
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp, new BppSpec { ProfilePolicyRules = NamedBitList.Of(PprId.ppr1) });
        await AssertFailed(card, smdp, pir, BppCommandId.storeMetadata, ErrorReason.pprNotAllowed, expectedProfiles: 0);
    }

    [Test]
    public async Task PprNotAllowedForAnotherOperator()
    {
        var rat = new ProfilePolicyAuthorisationRule(NamedBitList.Of(PprId.ppr2), [new OperatorId([0x12, 0xF3, 0x45])], NamedBitList.Of());
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { Rat = [rat] });
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp, new BppSpec { ProfilePolicyRules = NamedBitList.Of(PprId.ppr2) });
        await AssertFailed(card, smdp, pir, BppCommandId.storeMetadata, ErrorReason.pprNotAllowed, expectedProfiles: 0);

        ProfileInstallationResult allowed = await Lpa.Install(card, new TestSmdp(TestCard.Nist),
            new BppSpec { ProfilePolicyRules = NamedBitList.Of(PprId.ppr2), ProfileOwner = new OperatorId([0x12, 0xF3, 0x45]) });
        Assert.That(allowed.ProfileInstallationResultData.SuccessResult, Is.Not.Null, "the RAT allows PPR2 for its operator");
    }

    [Test]
    public async Task UnsupportedProfileClass()
    {
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { SupportedProfileClasses = new HashSet<ProfileClass> { ProfileClass.operational } });
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp, new BppSpec { ProfileClass = ProfileClass.test });
        await AssertFailed(card, smdp, pir, BppCommandId.storeMetadata, ErrorReason.unsupportedProfileClass, expectedProfiles: 0);
    }

    [Test]
    public async Task ForcedProfileInstallationResultFault()
    {
        var faults = EuiccFaultOptions.With(EuiccFault.ProfileInstallationResultError) with
        {
            ForcedBppCommandId = BppCommandId.configureISDP,
            ForcedErrorReason = ErrorReason.insufficientMemoryForProfile,
        };
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { Faults = faults });
        var smdp = new TestSmdp(TestCard.Nist);
        ProfileInstallationResult pir = await Lpa.Install(card, smdp);
        await AssertFailed(card, smdp, pir, BppCommandId.configureISDP, ErrorReason.insufficientMemoryForProfile, expectedProfiles: 0);
    }

    [Test]
    public async Task ResetDuringInstallationLeavesNothingAndNoSession()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk);
        for (int i = 0; i < bpp.First86; i++)
        {
            Assert.That(await card.Es10(bpp.Chunks[i]), Is.Empty, "intermediate sequences answer 9000 and no data");
        }
        await card.ResetAsync();
        Assert.That(await Lpa.Profiles(card), Is.Empty, "the interrupted installation is removed");
        Assert.That(await card.Es10Status(bpp.Chunks[bpp.First86]), Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied));
        Assert.That(await card.Es10Status(bpp.Chunks[0]), Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied), "no session after a reset");
    }
}
