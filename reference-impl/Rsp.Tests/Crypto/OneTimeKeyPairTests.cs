using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Security;

namespace Conformance.Rsp.Tests.Crypto;

public class OneTimeKeyPairTests
{
    private static SecureRandom Seeded(long seed)
    {
        SecureRandom random = SecureRandom.GetInstance("SHA256PRNG", false);
        random.SetSeed(seed);
        return random;
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void InjectedRandomGivesTheSamePair(RspCurve curve)
    {
        OneTimeKeyPair a = OneTimeKeyPair.Generate(curve, Seeded(42));
        OneTimeKeyPair b = OneTimeKeyPair.Generate(curve, Seeded(42));
        OneTimeKeyPair c = OneTimeKeyPair.Generate(curve, Seeded(43));
        Assert.That(b.PublicPoint, Is.EqualTo(a.PublicPoint));
        Assert.That(c.PublicPoint, Is.Not.EqualTo(a.PublicPoint));
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void PairIsConsistentAndOnItsCurve(RspCurve curve)
    {
        OneTimeKeyPair pair = OneTimeKeyPair.Generate(curve);
        Assert.That(pair.Curve, Is.EqualTo(curve));
        Assert.That(pair.PublicPoint, Has.Length.EqualTo(65));
        // The encoded point decodes strictly (on the curve) and equals d*G.
        var decoded = EcKeys.PublicKeyFromUncompressedPoint(curve, pair.PublicPoint);
        Assert.That(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(pair.Private)), Is.EqualTo(EcKeys.ToUncompressedPoint(decoded)));
        Assert.That(OneTimeKeyPair.Generate(curve).PublicPoint, Is.Not.EqualTo(pair.PublicPoint));
    }
}
