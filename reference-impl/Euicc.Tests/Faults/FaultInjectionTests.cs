using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Tests.Faults;

/// <summary>The named fault injections (<see cref="EuiccFault"/>): each produces exactly the wrong data an SM-DP+ must refuse.</summary>
public class FaultInjectionTests
{
    private static Task<TestCard> Open(params EuiccFault[] faults) => TestCard.OpenAsync(new EuiccOptions { Faults = EuiccFaultOptions.With(faults) });

    [Test]
    public async Task InvalidEuiccSignature1()
    {
        await using TestCard card = await Open(EuiccFault.InvalidEuiccSignature1);
        AuthenticateResponseOk ok = await Lpa.Authenticate(card, new TestSmdp(TestCard.Nist));
        Assert.That(Verify.ByEuicc(ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1), Is.False);
        Assert.That(EcdsaSignature.IsValidPlain(RspCurve.NistP256, ok.EuiccSignature1), "still a well-formed r||s");
    }

    [Test]
    public async Task InvalidEuiccSignature2()
    {
        await using TestCard card = await Open(EuiccFault.InvalidEuiccSignature2);
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, smdp);
        Assert.That(Verify.ByEuicc(auth.EuiccSigned1.SignedData.Span, auth.EuiccSignature1), "signature 1 untouched");
        PrepareDownloadRequest request = smdp.PrepareDownload(auth.EuiccSignature1);
        PrepareDownloadResponseOk ok = (await Lpa.PrepareDownload(card, request)).DownloadResponseOk!;
        Assert.That(Verify.ByEuicc([.. ok.EuiccSigned2.SignedData.Span, .. TestSmdp.SignatureTlv(request.SmdpSignature2)], ok.EuiccSignature2), Is.False);
    }

    [TestCase(EuiccFault.ExpiredEuiccCertificate, PkiItem.ExpiredEuicc, PkiItem.Eum, CertificateRole.Euicc, CertificateFailureReason.Expired)]
    [TestCase(EuiccFault.ExpiredEumCertificate, PkiItem.EuiccUnderExpiredEum, PkiItem.ExpiredEum, CertificateRole.Eum, CertificateFailureReason.Expired)]
    [TestCase(EuiccFault.EuiccFromForeignEum, PkiItem.EuiccSignedByOtherEum, PkiItem.Eum, CertificateRole.Euicc, CertificateFailureReason.InvalidSignature)]
    [TestCase(EuiccFault.CertificatesUnderUnknownCi, PkiItem.EuiccUnderUnknownCi, PkiItem.EumUnderUnknownCi, CertificateRole.Eum, CertificateFailureReason.UnknownCi)]
    [TestCase(EuiccFault.EidOutsideEumRange, PkiItem.EuiccEidOutsideRange, PkiItem.Eum, CertificateRole.Euicc, CertificateFailureReason.EidOutsidePermittedRange)]
    public async Task CertificateFaultsPresentTheNegativeChain(EuiccFault fault, PkiItem euicc, PkiItem eum, CertificateRole failing, CertificateFailureReason reason)
    {
        await using TestCard card = await Open(fault);
        AuthenticateResponseOk ok = await Lpa.Authenticate(card, new TestSmdp(TestCard.Nist));
        Assert.That(ok.EuiccCertificate, Is.EqualTo(TestCard.Nist[euicc].Certificate.Der));
        Assert.That(ok.EumCertificate, Is.EqualTo(TestCard.Nist[eum].Certificate.Der));
        Assert.That(Verify.Signature(ok.EuiccCertificate, ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1), "signed with the presented certificate's key");
        CertificateValidationResult smdpView = TestCard.Nist.Validator().ValidateEuiccChain(ok.EuiccCertificate, ok.EumCertificate, DateTimeOffset.UtcNow);
        Assert.That((smdpView.FailedCertificate, smdpView.Reason), Is.EqualTo(((CertificateRole?)failing, (CertificateFailureReason?)reason)));
    }

    [Test]
    public async Task ReportAnotherEid()
    {
        var options = new EuiccOptions { Faults = EuiccFaultOptions.With(EuiccFault.ReportAnotherEid) with { OtherEid = "89049032123451234512345678901111" } };
        await using TestCard card = await TestCard.OpenAsync(options);
        Assert.That(GetEuiccDataResponse.Decode(await card.Es10(GetEuiccDataRequest.ForEid().Encode())).Eid, Is.EqualTo("89049032123451234512345678901111"));
    }

    [Test]
    public async Task ReusePreviousOtpkEvenUnasked()
    {
        await using TestCard card = await Open(EuiccFault.ReusePreviousOtpk);
        byte[] first = (await Lpa.Prepare(card, new TestSmdp(TestCard.Nist))).EuiccSigned2.EuiccOtpk;
        byte[] second = (await Lpa.Prepare(card, new TestSmdp(TestCard.Nist))).EuiccSigned2.EuiccOtpk;
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task ChangeOtpkEvenWhenAskedToReuse()
    {
        await using TestCard card = await Open(EuiccFault.ChangeOtpk);
        byte[] first = (await Lpa.Prepare(card, new TestSmdp(TestCard.Nist))).EuiccSigned2.EuiccOtpk;
        var retry = new TestSmdp(TestCard.Nist);
        AuthenticateResponseOk auth = await Lpa.Authenticate(card, retry);
        byte[] second = (await Lpa.PrepareDownload(card, retry.PrepareDownload(auth.EuiccSignature1, bppEuiccOtpk: first))).DownloadResponseOk!.EuiccSigned2.EuiccOtpk;
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void ContradictoryOrUnservableFaultsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new Euicc.Es10.Es10Handler(TestCard.Identity,
            new EuiccOptions { Faults = EuiccFaultOptions.With(EuiccFault.ReusePreviousOtpk, EuiccFault.ChangeOtpk) }));
        EuiccIdentity bare = EuiccIdentity.Generate(new TestPkiOptions { IncludeNegativeVariants = false, Curves = [RspCurve.NistP256] });
        Assert.Throws<InvalidOperationException>(() => new Euicc.Es10.Es10Handler(bare, new EuiccOptions { Faults = EuiccFaultOptions.With(EuiccFault.ExpiredEumCertificate) }));
    }
}
