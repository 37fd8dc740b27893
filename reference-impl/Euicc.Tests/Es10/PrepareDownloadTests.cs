using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10b.PrepareDownload (SGP.22 v2.5 §5.7.5) and ES10b.CancelSession (§5.7.14) through the APDU interface.</summary>
public class PrepareDownloadTests
{
    [Test]
    public async Task NominalSignsEuiccSigned2AndSmdpSignature2()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        PrepareDownloadRequest request = smdp.PrepareDownload(auth.EuiccSignature1);
        PrepareDownloadResponseOk ok = (await Lpa.PrepareDownload(card, request)).DownloadResponseOk!;
        Assert.That(ok, Is.Not.Null);
        // "euiccSignature2: computed over euiccSigned2 and smdpSignature2" (the 5F37 data object).
        byte[] data = [.. ok.EuiccSigned2.SignedData.Span, .. TestSmdp.SignatureTlv(request.SmdpSignature2)];
        Assert.That(Verify.ByEuicc(data, ok.EuiccSignature2));
        Assert.That(ok.EuiccSigned2.TransactionId, Is.EqualTo(smdp.TransactionId));
        Assert.That(ok.EuiccSigned2.HashCc, Is.Null);
        Assert.DoesNotThrow(() => EcKeys.PublicKeyFromUncompressedPoint(RspCurve.NistP256, ok.EuiccSigned2.EuiccOtpk), "otPK.EUICC.ECKA on P-256");
    }

    [Test]
    public async Task ConfirmationCodeHashIsSignedBack()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        byte[] hashCc = smdp.HashCc("1234");
        PrepareDownloadResponseOk ok = (await Lpa.PrepareDownload(card, smdp.PrepareDownload(auth.EuiccSignature1, ccRequired: true, hashCc: hashCc))).DownloadResponseOk!;
        Assert.That(ok.EuiccSigned2.HashCc, Is.EqualTo(hashCc));
    }

    [Test]
    public async Task ConfirmationCodeRequiredButMissingIsUndefinedError()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        PrepareDownloadResponse r = await Lpa.PrepareDownload(card, smdp.PrepareDownload(auth.EuiccSignature1, ccRequired: true));
        Assert.That(r.DownloadResponseError!.DownloadErrorCode, Is.EqualTo(DownloadErrorCode.undefinedError));
    }

    public static IEnumerable<TestCaseData> Errors()
    {
        yield return new TestCaseData(Build((s, a) => s.PrepareDownload(a, corruptSignature: true)), DownloadErrorCode.invalidSignature).SetName("smdpSignature2 does not verify: invalidSignature");
        yield return new TestCaseData(Build((s, a) => s.PrepareDownload(a, transactionId: [9, 9, 9])), DownloadErrorCode.invalidTransactionId).SetName("another transactionId: invalidTransactionId");
        yield return new TestCaseData(Build((s, a) => s.PrepareDownload(new byte[64])), DownloadErrorCode.invalidSignature).SetName("smdpSignature2 over another euiccSignature1: invalidSignature");
        yield return new TestCaseData(WithDpPb(TestCard.Nist[PkiItem.DpPbUnderUnknownCi]), DownloadErrorCode.invalidCertificate).SetName("CERT.DPpb under an unknown CI: invalidCertificate");
        yield return new TestCaseData(WithDpPb(TestCard.Nist[PkiItem.DpPbExpired]), DownloadErrorCode.invalidCertificate).SetName("expired CERT.DPpb: invalidCertificate");
        yield return new TestCaseData(WithDpPb(TestCard.Nist[PkiItem.DpAuth]), DownloadErrorCode.invalidCertificate).SetName("CERT.DPauth in place of CERT.DPpb: invalidCertificate");
        yield return new TestCaseData(WithDpPb(TestCard.Pki.For(RspCurve.BrainpoolP256r1).DpPb), DownloadErrorCode.invalidCertificate).SetName("CERT.DPpb of another CI than the session's: invalidCertificate");
    }

    private static Func<TestSmdp, byte[], PrepareDownloadRequest> Build(Func<TestSmdp, byte[], PrepareDownloadRequest> f) => f;

    private static Func<TestSmdp, byte[], PrepareDownloadRequest> WithDpPb(IssuedCertificate dpPb) => (s, a) =>
    {
        s.DpPb = dpPb;
        return s.PrepareDownload(a);
    };

    [TestCaseSource(nameof(Errors))]
    public async Task ErrorsAnswerDownloadResponseError(Func<TestSmdp, byte[], PrepareDownloadRequest> build, DownloadErrorCode expected)
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        PrepareDownloadRequest request = build(smdp, auth.EuiccSignature1);
        PrepareDownloadResponse r = await Lpa.PrepareDownload(card, request);
        Assert.That(r.DownloadResponseError?.DownloadErrorCode, Is.EqualTo(expected));
        Assert.That(r.DownloadResponseError!.TransactionId, Is.EqualTo(request.SmdpSigned2.TransactionId));
    }

    [Test]
    public async Task WithoutAuthenticationIsNoSessionContext()
    {
        await using TestCard card = await TestCard.OpenAsync();
        await Lpa.Challenge(card);
        PrepareDownloadResponse r = await Lpa.PrepareDownload(card, new TestSmdp(TestCard.Nist).PrepareDownload(new byte[64]));
        Assert.That(r.DownloadResponseError!.DownloadErrorCode, Is.EqualTo(DownloadErrorCode.noSessionContext));
    }

    [Test]
    public async Task RetryReusesTheOneTimeKeyOnlyWhenAskedTo()
    {
        await using TestCard card = await TestCard.OpenAsync();
        byte[] first = (await Lpa.Prepare(card, new TestSmdp(TestCard.Nist))).EuiccSigned2.EuiccOtpk;

        var retry = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, retry);
        PrepareDownloadResponseOk reused = (await Lpa.PrepareDownload(card, retry.PrepareDownload(auth.EuiccSignature1, bppEuiccOtpk: first))).DownloadResponseOk!;
        Assert.That(reused.EuiccSigned2.EuiccOtpk, Is.EqualTo(first), "bppEuiccOtpk names the retained otPK: reused");

        var other = new TestSmdp(TestCard.Nist);
        auth = await Lpa.Authenticate(card, other);
        byte[] unknown = OneTimeKeyPair.Generate(RspCurve.NistP256).PublicPoint;
        PrepareDownloadResponseOk fresh = (await Lpa.PrepareDownload(card, other.PrepareDownload(auth.EuiccSignature1, bppEuiccOtpk: unknown))).DownloadResponseOk!;
        Assert.That(fresh.EuiccSigned2.EuiccOtpk, Is.Not.EqualTo(first).And.Not.EqualTo(unknown), "an unknown bppEuiccOtpk: a new key pair");

        // The BPP is bound to the key pair of the last PrepareDownload.
        ProfileInstallationResult pir = (await Lpa.LoadBpp(card, other.Bpp(fresh.EuiccSigned2.EuiccOtpk))).Result;
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null);
    }

    [Test]
    public async Task CancelSessionSignsAndEndsTheSession()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        CancelSessionResponse r = CancelSessionResponse.Decode(await card.Es10(new CancelSessionRequest(smdp.TransactionId, CancelSessionReason.postponed).Encode()));
        CancelSessionResponseOk ok = r.CancelSessionResponseOk!;
        Assert.That(ok, Is.Not.Null);
        Assert.That(ok.EuiccCancelSessionSigned.TransactionId, Is.EqualTo(smdp.TransactionId));
        Assert.That(ok.EuiccCancelSessionSigned.SmdpOid, Is.EqualTo("2.999.10"), "registeredID of CERT.DPauth");
        Assert.That(ok.EuiccCancelSessionSigned.Reason, Is.EqualTo(CancelSessionReason.postponed));
        Assert.That(Verify.ByEuicc(ok.EuiccCancelSessionSigned.SignedData.Span, ok.EuiccCancelSessionSignature));

        PrepareDownloadResponse after = await Lpa.PrepareDownload(card, smdp.PrepareDownload(auth.EuiccSignature1));
        Assert.That(after.DownloadResponseError!.DownloadErrorCode, Is.EqualTo(DownloadErrorCode.noSessionContext), "the session is over");
    }

    [Test]
    public async Task CancelSessionWithAnotherTransactionId()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        await Lpa.Authenticate(card, smdp);
        CancelSessionResponse r = CancelSessionResponse.Decode(await card.Es10(new CancelSessionRequest([1, 2, 3], CancelSessionReason.endUserRejection).Encode()));
        Assert.That(r.CancelSessionResponseError, Is.EqualTo(CancelSessionError.invalidTransactionId));
        await Lpa.Challenge(card);
        r = CancelSessionResponse.Decode(await card.Es10(new CancelSessionRequest(smdp.TransactionId, CancelSessionReason.timeout).Encode()));
        Assert.That(r.CancelSessionResponseError, Is.EqualTo(CancelSessionError.invalidTransactionId), "no authenticated session");
    }
}
