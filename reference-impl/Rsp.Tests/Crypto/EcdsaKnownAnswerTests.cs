using System.Text;
using Conformance.Rsp.Crypto;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

public class EcdsaKnownAnswerTests
{
    private static readonly byte[] Sample = Encoding.ASCII.GetBytes("sample");

    [TestCase("sample", Rfc6979SampleR + Rfc6979SampleS)]
    [TestCase("test", Rfc6979TestR + Rfc6979TestS)]
    public void DeterministicBouncyCastleSignatureEqualsRfc6979(string message, string expected)
    {
        byte[] signature = BouncyCastleEcdsa.Deterministic.Sign(Private(RspCurve.NistP256, Rfc6979D), Encoding.ASCII.GetBytes(message));
        Assert.That(Convert.ToHexString(signature), Is.EqualTo(expected));
    }

    [TestCaseSource(typeof(KnownKeys), nameof(Ecdsas))]
    public void BothLibrariesAcceptTheRfc6979Signature(IEcdsaSha256 ecdsa)
    {
        var key = Public(RspCurve.NistP256, "04" + Rfc6979Ux + Rfc6979Uy);
        Assert.That(ecdsa.Verify(key, Sample, Hex(Rfc6979SampleR + Rfc6979SampleS)), Is.True);
        Assert.That(ecdsa.Verify(key, Encoding.ASCII.GetBytes("test"), Hex(Rfc6979SampleR + Rfc6979SampleS)), Is.False, "other message");
    }

    [TestCaseSource(typeof(KnownKeys), nameof(Ecdsas))]
    public void BothLibrariesAcceptWycheproofBrainpoolValidSignature(IEcdsaSha256 ecdsa)
    {
        var key = Public(RspCurve.BrainpoolP256r1, WycheproofBrpPoint);
        Assert.That(ecdsa.Verify(key, Hex(WycheproofMsg), Hex(WycheproofValidSig)), Is.True);
    }

    private static IEnumerable<TestCaseData> WycheproofInvalid()
    {
        foreach (IEcdsaSha256 ecdsa in Ecdsas)
        {
            yield return new TestCaseData(ecdsa, WycheproofRPlusN).SetArgDisplayNames(ecdsa.Name, "r+n");
            yield return new TestCaseData(ecdsa, WycheproofNMinusR).SetArgDisplayNames(ecdsa.Name, "n-r");
            yield return new TestCaseData(ecdsa, WycheproofZeroZero).SetArgDisplayNames(ecdsa.Name, "r=0,s=0");
            yield return new TestCaseData(ecdsa, WycheproofOneOne).SetArgDisplayNames(ecdsa.Name, "r=1,s=1");
            yield return new TestCaseData(ecdsa, WycheproofValidSig[..126]).SetArgDisplayNames(ecdsa.Name, "63 bytes");
            yield return new TestCaseData(ecdsa, "00" + WycheproofValidSig).SetArgDisplayNames(ecdsa.Name, "65 bytes");
        }
    }

    [TestCaseSource(nameof(WycheproofInvalid))]
    public void BothLibrariesRejectWycheproofBrainpoolInvalidSignatures(IEcdsaSha256 ecdsa, string signature)
    {
        var key = Public(RspCurve.BrainpoolP256r1, WycheproofBrpPoint);
        Assert.That(ecdsa.Verify(key, Hex(WycheproofMsg), Hex(signature)), Is.False);
    }

    private static IEnumerable<TestCaseData> CrossPairs()
    {
        foreach (RspCurve curve in Enum.GetValues<RspCurve>())
        {
            foreach (IEcdsaSha256 signer in Ecdsas)
            {
                foreach (IEcdsaSha256 verifier in Ecdsas)
                {
                    yield return new TestCaseData(curve, signer, verifier).SetArgDisplayNames(curve.ShortName(), signer.Name, verifier.Name);
                }
            }
        }
    }

    [TestCaseSource(nameof(CrossPairs))]
    public void SignedByOneLibraryVerifiedByTheOther(RspCurve curve, IEcdsaSha256 signer, IEcdsaSha256 verifier)
    {
        OneTimeKeyPair pair = OneTimeKeyPair.Generate(curve);
        byte[] data = Encoding.ASCII.GetBytes("euiccSigned1 stand-in " + curve);
        byte[] signature = signer.Sign(pair.Private, data);
        Assert.That(signature, Has.Length.EqualTo(64));
        Assert.That(verifier.Verify(pair.Public, data, signature), Is.True);
        data[0] ^= 1;
        Assert.That(verifier.Verify(pair.Public, data, signature), Is.False, "changed data");
    }

    [TestCaseSource(typeof(KnownKeys), nameof(Ecdsas))]
    public void RandomNoncesGiveDifferentSignatures(IEcdsaSha256 ecdsa)
    {
        var key = Private(RspCurve.BrainpoolP256r1, Rfc7027DA);
        Assert.That(ecdsa.Sign(key, Sample), Is.Not.EqualTo(ecdsa.Sign(key, Sample)));
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void AGeneratedOneTimeKeyPairIsFreshAndItsPublicKeyIsDTimesG(RspCurve curve)
    {
        OneTimeKeyPair a = OneTimeKeyPair.Generate(curve), b = OneTimeKeyPair.Generate(curve);
        Assert.That(a.Curve, Is.EqualTo(curve));
        Assert.That(a.PublicPoint, Is.EqualTo(EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(a.Private))), "OpenSSL's pair, checked with BouncyCastle");
        Assert.That(a.PublicPoint, Is.Not.EqualTo(b.PublicPoint));
    }

    [Test]
    public void TheCacheOfImportedPublicKeysStaysCorrectPastItsBound()
    {
        // More keys than the cache holds: it starts over and every verification still answers right.
        var ecdsa = new CachedKeyEcdsa();
        byte[] data = Encoding.ASCII.GetBytes("smdpSigned2 stand-in");
        for (int i = 0; i < 1100; i++)
        {
            OneTimeKeyPair pair = OneTimeKeyPair.Generate(RspCurve.NistP256);
            byte[] signature = BouncyCastleEcdsa.Instance.Sign(pair.Private, data);
            Assert.That(ecdsa.Verify(pair.Public, data, signature), Is.True, $"key {i}");
            Assert.That(ecdsa.Verify(pair.Public, data[1..], signature), Is.False, $"key {i}, other data");
        }
    }
}
