using Conformance.Rsp.Crypto;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

public class EckaKnownAnswerTests
{
    [TestCaseSource(typeof(KnownKeys), nameof(Eckas))]
    public void NistP256CavpSharedSecret(IEcka ecka)
    {
        byte[] z = ecka.SharedSecret(Private(RspCurve.NistP256, CavpDIut), Public(RspCurve.NistP256, CavpQcavs));
        Assert.That(Convert.ToHexString(z), Is.EqualTo(CavpZ.ToUpperInvariant()));
    }

    [TestCaseSource(typeof(KnownKeys), nameof(Eckas))]
    public void BrainpoolRfc7027SharedSecretFromBothSides(IEcka ecka)
    {
        byte[] za = ecka.SharedSecret(Private(RspCurve.BrainpoolP256r1, Rfc7027DA), Public(RspCurve.BrainpoolP256r1, Rfc7027QB));
        byte[] zb = ecka.SharedSecret(Private(RspCurve.BrainpoolP256r1, Rfc7027DB), Public(RspCurve.BrainpoolP256r1, Rfc7027QA));
        Assert.That(Convert.ToHexString(za), Is.EqualTo(Rfc7027Z));
        Assert.That(zb, Is.EqualTo(za));
    }

    [TestCaseSource(typeof(KnownKeys), nameof(Eckas))]
    public void KeysOnDifferentCurvesAreRefused(IEcka ecka)
    {
        var e = Assert.Throws<EcFormatException>(() =>
            ecka.SharedSecret(Private(RspCurve.NistP256, CavpDIut), Public(RspCurve.BrainpoolP256r1, Rfc7027QB)))!;
        Assert.That(e.Problem, Is.EqualTo(EcFormatProblem.UnsupportedCurve));
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void BothLibrariesAgreeOnGeneratedKeys(RspCurve curve)
    {
        OneTimeKeyPair euicc = OneTimeKeyPair.Generate(curve);
        OneTimeKeyPair dp = OneTimeKeyPair.Generate(curve);
        byte[] bc = BouncyCastleEcka.Instance.SharedSecret(euicc.Private, dp.Public);
        byte[] net = DotNetEcka.Instance.SharedSecret(dp.Private, euicc.Public);
        Assert.That(bc, Has.Length.EqualTo(32));
        Assert.That(net, Is.EqualTo(bc));
    }
}
