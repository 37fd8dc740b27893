using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

public class EcKeysTests
{
    [Test]
    public void PublicKeyOfKnownPrivateKeys()
    {
        Assert.That(Convert.ToHexString(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(Private(RspCurve.BrainpoolP256r1, Rfc7027DA)))),
            Is.EqualTo(Rfc7027QA));
        Assert.That(Convert.ToHexString(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(Private(RspCurve.NistP256, Rfc6979D)))),
            Is.EqualTo("04" + Rfc6979Ux + Rfc6979Uy));
        Assert.That(Convert.ToHexString(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(Private(RspCurve.NistP256, CavpDIut)))),
            Is.EqualTo(CavpQIut.ToUpperInvariant()));
    }

    [Test]
    public void UncompressedPointRoundTripsAndNamesItsCurve()
    {
        var key = Public(RspCurve.BrainpoolP256r1, Rfc7027QB);
        Assert.That(Convert.ToHexString(EcKeys.ToUncompressedPoint(key)), Is.EqualTo(Rfc7027QB));
        Assert.That(EcKeys.CurveOf(key.Parameters), Is.EqualTo(RspCurve.BrainpoolP256r1));
    }

    [Test]
    public void PrivateScalarRoundTrips()
    {
        Assert.That(Convert.ToHexString(EcKeys.PrivateScalar(Private(RspCurve.NistP256, Rfc6979D))), Is.EqualTo(Rfc6979D));
    }

    [Test]
    public void WycheproofSubjectPublicKeyInfo()
    {
        var key = EcKeys.PublicKeyFromSubjectPublicKeyInfo(Hex(WycheproofBrpSpki));
        Assert.That(EcKeys.CurveOf(key.Parameters), Is.EqualTo(RspCurve.BrainpoolP256r1));
        Assert.That(Convert.ToHexString(EcKeys.ToUncompressedPoint(key)), Is.EqualTo(WycheproofBrpPoint.ToUpperInvariant()));
    }

    [Test]
    public void SubjectPublicKeyInfoOnAnotherCurveIsRefused()
    {
        var spki = new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, SecObjectIdentifiers.SecP256k1), Hex(Rfc7027QA));
        var e = Assert.Throws<EcFormatException>(() => EcKeys.PublicKeyFromSubjectPublicKeyInfo(spki.GetDerEncoded()))!;
        Assert.That(e.Problem, Is.EqualTo(EcFormatProblem.UnsupportedCurve));
    }

    [Test]
    public void GarbageIsNotASubjectPublicKeyInfo()
    {
        var e = Assert.Throws<EcFormatException>(() => EcKeys.PublicKeyFromSubjectPublicKeyInfo(Hex("3003020101")))!;
        Assert.That(e.Problem, Is.EqualTo(EcFormatProblem.Malformed));
    }

    [Test]
    public void PointsAreDecodedStrictly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Problem(Rfc7027QA[..^2]), Is.EqualTo(EcFormatProblem.WrongLength), "64 bytes");
            Assert.That(Problem("02" + Rfc7027QA[2..66]), Is.EqualTo(EcFormatProblem.WrongLength), "compressed");
            Assert.That(Problem("05" + Rfc7027QA[2..]), Is.EqualTo(EcFormatProblem.Malformed), "prefix 05");
            Assert.That(Problem(Rfc7027QA[..^2] + "DD"), Is.EqualTo(EcFormatProblem.NotOnCurve), "y changed");
        });
    }

    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", EcFormatProblem.OutOfRange)]
    [TestCase("A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7", EcFormatProblem.OutOfRange)]
    [TestCase("01", EcFormatProblem.WrongLength)]
    public void PrivateScalarsAreChecked(string d, EcFormatProblem problem)
    {
        // The second case is n of brainpoolP256r1 (RFC 5639 §3.4).
        var e = Assert.Throws<EcFormatException>(() => EcKeys.PrivateKey(RspCurve.BrainpoolP256r1, Hex(d)))!;
        Assert.That(e.Problem, Is.EqualTo(problem));
    }

    private static EcFormatProblem? Problem(string point)
    {
        try
        {
            EcKeys.PublicKeyFromUncompressedPoint(RspCurve.BrainpoolP256r1, Hex(point));
            return null;
        }
        catch (EcFormatException e)
        {
            return e.Problem;
        }
    }
}
