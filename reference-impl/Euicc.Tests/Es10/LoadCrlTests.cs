using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10b.LoadCRL (SGP.22 v2.5 §5.7.12).</summary>
public class LoadCrlTests
{
    private static async Task<LoadCRLResponse> Load(TestCard card, byte[] crl) =>
        LoadCRLResponse.Decode(await card.Es10(new LoadCRLRequest(crl).Encode()));

    [Test]
    public async Task CrlsAreVerifiedAgainstTheCiAndKeptInOrder()
    {
        await using TestCard card = await TestCard.OpenAsync();
        IssuedCertificate ci = TestCard.Nist.Ci;
        Assert.That((await Load(card, OddCertificates.Crl(ci, ci.RequirePrivateKey(), 5))).LoadCRLResponseOk, Is.Not.Null);
        Assert.That((await Load(card, OddCertificates.Crl(ci, ci.RequirePrivateKey(), 3))).LoadCRLResponseError, Is.EqualTo(LoadCrlError.fresherCrlAlreadyLoaded));
        Assert.That((await Load(card, OddCertificates.Crl(ci, ci.RequirePrivateKey(), 6, deltaBase: 5))).LoadCRLResponseOk, Is.Not.Null, "a delta on the loaded base");
        Assert.That((await Load(card, OddCertificates.Crl(ci, ci.RequirePrivateKey(), 9, deltaBase: 8))).LoadCRLResponseError, Is.EqualTo(LoadCrlError.baseCrlMissing));
    }

    [Test]
    public async Task Errors()
    {
        await using TestCard card = await TestCard.OpenAsync();
        IssuedCertificate ci = TestCard.Nist.Ci;
        IssuedCertificate unknown = TestCard.Nist[PkiItem.UnknownCi];
        Assert.That((await Load(card, OddCertificates.Crl(ci, unknown.RequirePrivateKey(), 1))).LoadCRLResponseError, Is.EqualTo(LoadCrlError.invalidSignature),
            "names the trusted CI, signed by another key");
        Assert.That((await Load(card, OddCertificates.Crl(unknown, unknown.RequirePrivateKey(), 1))).LoadCRLResponseError, Is.EqualTo(LoadCrlError.verificationKeyNotFound));
        Assert.That((await Load(card, Convert.FromHexString("3003020101"))).LoadCRLResponseError, Is.EqualTo(LoadCrlError.invalidCRLFormat));
    }
}
