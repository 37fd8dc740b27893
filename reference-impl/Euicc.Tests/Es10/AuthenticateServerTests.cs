using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10b.AuthenticateServer (SGP.22 v2.5 §5.7.13) through the APDU interface.</summary>
public class AuthenticateServerTests
{
    [Test]
    public async Task NominalSignsEuiccSigned1WithTheEuiccKey()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        byte[] challenge = await Lpa.Challenge(card);
        AuthenticateServerResponse response = await Lpa.AuthenticateServer(card, smdp.AuthenticateServer(challenge, matchingId: "ABC-123"));
        AuthenticateResponseOk ok = response.AuthenticateResponseOk!;
        Assert.That(ok, Is.Not.Null);
        Assert.That(ok.EuiccCertificate, Is.EqualTo(TestCard.Nist.Euicc.Certificate.Der));
        Assert.That(ok.EumCertificate, Is.EqualTo(TestCard.Nist.Eum.Certificate.Der));
        Assert.That(Verify.Signature(ok.EuiccCertificate, ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1), "euiccSignature1 over euiccSigned1");
        EuiccSigned1 signed = ok.EuiccSigned1;
        Assert.That(signed.TransactionId, Is.EqualTo(smdp.TransactionId));
        Assert.That(signed.ServerChallenge, Is.EqualTo(smdp.ServerChallenge));
        Assert.That(signed.ServerAddress, Is.EqualTo(TestSmdp.Address));
        Assert.That(signed.CtxParams1.CtxParamsForCommonAuthentication!.MatchingId, Is.EqualTo("ABC-123"));
        Assert.That(signed.EuiccInfo2.Encode(), Is.EqualTo(await card.Es10(new GetEuiccInfo2Request().Encode())), "the same EUICCInfo2 as GetEUICCInfo2");
    }

    public static IEnumerable<TestCaseData> Errors()
    {
        yield return new TestCaseData((Func<TestSmdp, byte[], AuthenticateServerRequest>)((s, c) => s.AuthenticateServer(c, ciPkid: new byte[20])), AuthenticateErrorCode.ciPKUnknown)
            .SetName("euiccCiPKIdToBeUsed not a signing CI: ciPKUnknown");
        yield return new TestCaseData(Swap(PkiItem.DpAuthUnderUnknownCi), AuthenticateErrorCode.ciPKUnknown).SetName("CERT.DPauth under an unknown CI: ciPKUnknown");
        yield return new TestCaseData(Swap(PkiItem.DpAuthExpired), AuthenticateErrorCode.invalidCertificate).SetName("expired CERT.DPauth: invalidCertificate");
        yield return new TestCaseData(Swap(PkiItem.DpAuthWrongPolicy), AuthenticateErrorCode.invalidCertificate).SetName("CERT.DPauth with the DPpb policy: invalidCertificate");
        yield return new TestCaseData(Swap(PkiItem.DpPb), AuthenticateErrorCode.invalidCertificate).SetName("CERT.DPpb in place of CERT.DPauth: invalidCertificate");
        yield return new TestCaseData((Func<TestSmdp, byte[], AuthenticateServerRequest>)((s, c) => s.AuthenticateServer(c) with { ServerCertificate = OddCertificates.DpAuthOnP384(TestCard.Nist.Ci) }),
            AuthenticateErrorCode.unsupportedCurve).SetName("CERT.DPauth on P-384: unsupportedCurve");
        yield return new TestCaseData((Func<TestSmdp, byte[], AuthenticateServerRequest>)((s, c) => s.AuthenticateServer(c, corruptSignature: true)), AuthenticateErrorCode.invalidSignature)
            .SetName("serverSignature1 does not verify: invalidSignature");
        yield return new TestCaseData((Func<TestSmdp, byte[], AuthenticateServerRequest>)((s, c) => s.AuthenticateServer([.. c.Reverse()])), AuthenticateErrorCode.euiccChallengeMismatch)
            .SetName("another euiccChallenge: euiccChallengeMismatch");
    }

    private static Func<TestSmdp, byte[], AuthenticateServerRequest> Swap(PkiItem item) => (s, c) =>
    {
        s.DpAuth = TestCard.Nist[item];
        return s.AuthenticateServer(c);
    };

    [TestCaseSource(nameof(Errors))]
    public async Task ErrorsAnswerAuthenticateResponseError(Func<TestSmdp, byte[], AuthenticateServerRequest> build, AuthenticateErrorCode expected)
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        byte[] challenge = await Lpa.Challenge(card);
        AuthenticateServerResponse response = await Lpa.AuthenticateServer(card, build(smdp, challenge));
        Assert.That(response.AuthenticateResponseOk, Is.Null);
        Assert.That(response.AuthenticateResponseError!.AuthenticateErrorCode, Is.EqualTo(expected));
        Assert.That(response.AuthenticateResponseError.TransactionId, Is.EqualTo(smdp.TransactionId));

        // The session is still usable: a correct request now succeeds.
        var good = new TestSmdp(TestCard.Nist) { TransactionId = smdp.TransactionId };
        Assert.That((await Lpa.AuthenticateServer(card, good.AuthenticateServer(challenge))).AuthenticateResponseOk, Is.Not.Null);
    }

    [Test]
    public async Task WithoutChallengeOrTwiceIsNoSessionContext()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var smdp = new TestSmdp(TestCard.Nist);
        AuthenticateServerResponse none = await Lpa.AuthenticateServer(card, smdp.AuthenticateServer(new byte[16]));
        Assert.That(none.AuthenticateResponseError!.AuthenticateErrorCode, Is.EqualTo(AuthenticateErrorCode.noSessionContext));

        byte[] challenge = await Lpa.Challenge(card);
        Assert.That((await Lpa.AuthenticateServer(card, smdp.AuthenticateServer(challenge))).AuthenticateResponseOk, Is.Not.Null);
        AuthenticateServerResponse again = await Lpa.AuthenticateServer(card, smdp.AuthenticateServer(challenge));
        Assert.That(again.AuthenticateResponseError!.AuthenticateErrorCode, Is.EqualTo(AuthenticateErrorCode.noSessionContext));
    }

    [Test]
    public async Task ServerAddressIsSignedBackNotCheckedAgainstTheDefault()
    {
        await using TestCard card = await TestCard.OpenAsync(new Euicc.Card.EuiccOptions { DefaultSmdpAddress = "default.example.com" });
        byte[] challenge = await Lpa.Challenge(card);
        AuthenticateServerResponse r = await Lpa.AuthenticateServer(card, new TestSmdp(TestCard.Nist).AuthenticateServer(challenge, address: "other.example.com"));
        Assert.That(r.AuthenticateResponseOk!.EuiccSigned1.ServerAddress, Is.EqualTo("other.example.com"));
    }

    [Test]
    public async Task BrainpoolCiChoosesTheBrainpoolCredential()
    {
        await using TestCard card = await TestCard.OpenAsync();
        var brp = TestCard.Pki.For(Rsp.Crypto.RspCurve.BrainpoolP256r1);
        AuthenticateResponseOk ok = await Lpa.Authenticate(card, new TestSmdp(brp));
        Assert.That(ok.EuiccCertificate, Is.EqualTo(brp.Euicc.Certificate.Der));
        Assert.That(Verify.Signature(ok.EuiccCertificate, ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1));
    }

    [Test]
    public async Task ChallengesAreFreshEachTime()
    {
        await using TestCard card = await TestCard.OpenAsync();
        byte[] a = await Lpa.Challenge(card);
        byte[] b = await Lpa.Challenge(card);
        Assert.That(a, Has.Length.EqualTo(16));
        Assert.That(b, Is.Not.EqualTo(a));
    }
}
