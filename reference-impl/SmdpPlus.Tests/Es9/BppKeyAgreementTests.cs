using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// The SM-DP+'s side of the key agreement of a binding (SGP.22 §3.1.3.3): otSK/otPK.DP.ECKA and ShS with
/// otPK.EUICC.ECKA, on libcrypto directly and through .NET (the path where libcrypto cannot be called), checked
/// against each other and against what the eUICC computes with BouncyCastle.
/// </summary>
public class BppKeyAgreementTests
{
    private static BppInput Input(RspCurve curve, byte[] otPkEuicc, byte[]? reusedOtSkDp = null) =>
        new([0x01], curve, null!, otPkEuicc, [], [], [], reusedOtSkDp);

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void BothPathsAgreeWithTheEuiccOnAReusedKey(RspCurve curve)
    {
        OneTimeKeyPair euicc = OneTimeKeyPair.Generate(curve);
        byte[] otSkDp = EcKeys.PrivateScalar(OneTimeKeyPair.Generate(curve).Private);

        var direct = BppBuilder.Agree(Input(curve, euicc.PublicPoint, otSkDp));
        var dotNet = BppBuilder.AgreeThroughDotNet(Input(curve, euicc.PublicPoint, otSkDp));

        Assert.That(direct.OtSk, Is.EqualTo(otSkDp));
        Assert.That(direct.OtPk, Is.EqualTo(dotNet.OtPk));
        Assert.That(direct.ShS, Is.EqualTo(dotNet.ShS));
        byte[] euiccSide = BouncyCastleEcka.Instance.SharedSecret(euicc.Private, EcKeys.PublicKeyFromUncompressedPoint(curve, direct.OtPk));
        Assert.That(direct.ShS, Is.EqualTo(euiccSide));
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void FreshKeysOfBothPathsAgreeWithTheEuicc(RspCurve curve)
    {
        OneTimeKeyPair euicc = OneTimeKeyPair.Generate(curve);
        foreach (var (otSk, otPk, shs) in new[] { BppBuilder.Agree(Input(curve, euicc.PublicPoint)), BppBuilder.AgreeThroughDotNet(Input(curve, euicc.PublicPoint)) })
        {
            Assert.That(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(EcKeys.PrivateKey(curve, otSk))), Is.EqualTo(otPk));
            Assert.That(shs, Is.EqualTo(BouncyCastleEcka.Instance.SharedSecret(euicc.Private, EcKeys.PublicKeyFromUncompressedPoint(curve, otPk))));
        }
    }

    [TestCase(65, TestName = "{m}(65 bytes, y changed)")]
    [TestCase(64, TestName = "{m}(64 bytes)")]
    public void BothPathsRefuseAnOtPkEuiccThatIsNoPointOfTheCurve(int length)
    {
        byte[] point = OneTimeKeyPair.Generate(RspCurve.NistP256).PublicPoint;
        point[^1] ^= 0x01;
        point = point[..length];
        // BindAsync answers a CryptographicException here with a Failed status (not a server error).
        Assert.Catch<CryptographicException>(() => BppBuilder.Agree(Input(RspCurve.NistP256, point)));
        Assert.Catch<CryptographicException>(() => BppBuilder.AgreeThroughDotNet(Input(RspCurve.NistP256, point)));
    }
}
