using Conformance.Rsp.Asn1.Messages;
using V = Conformance.Rsp.Tests.Asn1.Auth.SpecVectors;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>Encodings sent by real eUICCs (public lpac / onomondo-ipa traces), decoded field by field.</summary>
public class KnownAnswerTests
{
    [Test]
    public void EuiccInfo1WithTwoCiKeys()
    {
        byte[] der = V.H(V.RealEuiccInfo1TwoKeys);
        EUICCInfo1 info = EUICCInfo1.Decode(der);
        Assert.Multiple(() =>
        {
            Assert.That(info.Svn.ToString(), Is.EqualTo("2.2.2"));
            Assert.That(info.EuiccCiPKIdListForVerification, Is.EqualTo(new[] { V.Ski2, V.Ski1 }));
            Assert.That(info.EuiccCiPKIdListForSigning, Is.EqualTo(new[] { V.Ski2, V.Ski1 }));
            Assert.That(info.Extensions, Is.Empty);
            Assert.That(info.Encode(), Is.EqualTo(der));
        });
    }

    [Test]
    public void EuiccInfo1Svn230()
    {
        EUICCInfo1 info = EUICCInfo1.Decode(V.H(V.RealEuiccInfo1));
        Assert.That(info.Svn, Is.EqualTo(new VersionType(2, 3, 0)));
        Assert.That(info.EuiccCiPKIdListForVerification.Single(), Is.EqualTo(V.Ski1));
    }

    [Test]
    public void EuiccChallenge()
    {
        var response = GetEuiccChallengeResponse.Decode(V.H(V.RealChallengeResponse));
        Assert.That(Convert.ToHexString(response.EuiccChallenge), Is.EqualTo("FDC5A60071053ABB4C0F91BC0620BCFD"));
    }

    [Test]
    public void GetEid()
    {
        Assert.That(GetEuiccDataRequest.Decode(V.H(V.RealGetEidRequest)).TagList, Is.EqualTo(new byte[] { 0x5A }));
        Assert.That(GetEuiccDataResponse.Decode(V.H(V.RealGetEidResponse)).Eid, Is.EqualTo("89049032000000000000279973200019"));
    }
}
