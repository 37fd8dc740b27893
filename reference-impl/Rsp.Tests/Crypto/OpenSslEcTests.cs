using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Math;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

/// <summary>
/// The direct libcrypto path (<see cref="OpenSslEc"/>): keys it generates are d·G as BouncyCastle computes it,
/// shared secrets are the published ones (RFC 7027, NIST CAVP), and the other party's point is validated
/// (BSI TR-03111 §3.1.2) instead of multiplied blindly.
/// </summary>
public class OpenSslEcTests
{
    [Test]
    public void IsUsedOnLinux()
    {
        // The SM-DP+ and the emulated eUICC rely on it for their speed; on Linux, .NET needs libcrypto.so.3 itself.
        Assert.That(OpenSslEc.IsAvailable, Is.EqualTo(OperatingSystem.IsLinux()));
        Assert.That(OpenSslEcka.Fastest, OperatingSystem.IsLinux() ? Is.SameAs(OpenSslEcka.Instance) : Is.SameAs(DotNetEcka.Instance));
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public void GeneratedPointIsTheScalarTimesTheGenerator(RspCurve curve)
    {
        RequireOpenSsl();
        (byte[] d, byte[] q) = OpenSslEc.GenerateKeyPair(curve);
        (byte[] d2, _) = OpenSslEc.GenerateKeyPair(curve);

        Assert.That(d, Has.Length.EqualTo(32));
        Assert.That(d2, Is.Not.EqualTo(d));
        byte[] expected = EcKeys.ToUncompressedPoint(EcKeys.PublicKeyOf(EcKeys.PrivateKey(curve, d)));
        Assert.That(Convert.ToHexString(q), Is.EqualTo(Convert.ToHexString(expected)));
        Assert.That(OpenSslEc.PublicPoint(curve, d), Is.EqualTo(expected));
    }

    [Test]
    public void PublicPointOfKnownScalars()
    {
        RequireOpenSsl();
        Assert.That(Convert.ToHexString(OpenSslEc.PublicPoint(RspCurve.NistP256, Hex(CavpDIut))), Is.EqualTo(CavpQIut.ToUpperInvariant()));
        Assert.That(Convert.ToHexString(OpenSslEc.PublicPoint(RspCurve.BrainpoolP256r1, Hex(Rfc7027DA))), Is.EqualTo(Rfc7027QA));
    }

    [Test]
    public void SharedSecretOnBytesMatchesThePublishedValues()
    {
        RequireOpenSsl();
        Assert.That(Convert.ToHexString(OpenSslEc.SharedSecret(RspCurve.NistP256, Hex(CavpDIut), Hex(CavpQcavs))), Is.EqualTo(CavpZ.ToUpperInvariant()));
        Assert.That(Convert.ToHexString(OpenSslEc.SharedSecret(RspCurve.BrainpoolP256r1, Hex(Rfc7027DB), Hex(Rfc7027QA))), Is.EqualTo(Rfc7027Z));
    }

    public static IEnumerable<TestCaseData> BadPoints()
    {
        byte[] valid = Hex(CavpQcavs);
        byte[] offCurve = (byte[])valid.Clone();
        offCurve[^1] ^= 0x01;
        yield return new TestCaseData(RspCurve.NistP256, offCurve).SetName("{m}(y changed: not on the curve)");
        // x = p (the field prime of P-256) is no field element, whatever y is.
        byte[] xIsP = [0x04, .. Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF"), .. valid[33..]];
        yield return new TestCaseData(RspCurve.NistP256, xIsP).SetName("{m}(x = p)");
        yield return new TestCaseData(RspCurve.NistP256, (byte[])[0x02, .. valid[1..33]]).SetName("{m}(compressed form)");
        yield return new TestCaseData(RspCurve.NistP256, valid[..64]).SetName("{m}(64 bytes)");
        yield return new TestCaseData(RspCurve.NistP256, new byte[65]).SetName("{m}(zeros)");
        // A brainpoolP256r1 point is not a point of P-256, and the other way round.
        yield return new TestCaseData(RspCurve.NistP256, Hex(Rfc7027QA)).SetName("{m}(brainpool point on P-256)");
        yield return new TestCaseData(RspCurve.BrainpoolP256r1, valid).SetName("{m}(P-256 point on brainpool)");
    }

    [TestCaseSource(nameof(BadPoints))]
    public void OtherPartysPointThatIsNoPointOfTheCurveIsRefused(RspCurve curve, byte[] point)
    {
        RequireOpenSsl();
        byte[] d = OpenSslEc.GenerateKeyPair(curve).D;
        var e = Assert.Throws<CryptographicException>(() => OpenSslEc.SharedSecret(curve, d, point))!;
        Assert.That(e.Message, Does.Contain("other party's key"));

        // The refusal leaves nothing behind in OpenSSL's error queue that a later call would trip over.
        Assert.That(Convert.ToHexString(OpenSslEc.SharedSecret(RspCurve.NistP256, Hex(CavpDIut), Hex(CavpQcavs))), Is.EqualTo(CavpZ.ToUpperInvariant()));
    }

    [Test]
    public void ScalarOfTheWrongLengthIsRefused()
    {
        RequireOpenSsl();
        Assert.Throws<CryptographicException>(() => OpenSslEc.SharedSecret(RspCurve.NistP256, Hex(CavpDIut)[1..], Hex(CavpQcavs)));
        Assert.Throws<CryptographicException>(() => OpenSslEc.PublicPoint(RspCurve.NistP256, new byte[33]));
    }

    [Test]
    public void ConcurrentCallsAgreeWithBouncyCastle()
    {
        RequireOpenSsl();
        // The curve groups are shared by every thread; each call builds its own key and point objects.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            RspCurve curve = i % 2 == 0 ? RspCurve.NistP256 : RspCurve.BrainpoolP256r1;
            OneTimeKeyPair a = OneTimeKeyPair.Generate(curve);
            OneTimeKeyPair b = OneTimeKeyPair.Generate(curve);
            byte[] ours = OpenSslEcka.Instance.SharedSecret(a.Private, b.Public);
            byte[] theirs = BouncyCastleEcka.Instance.SharedSecret(b.Private, a.Public);
            if (!ours.AsSpan().SequenceEqual(theirs))
            {
                failures.Add($"{curve} #{i}: {Convert.ToHexString(ours)} != {Convert.ToHexString(theirs)}");
            }
        });
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void GeneratedScalarIsInRange()
    {
        RequireOpenSsl();
        BigInteger n = RspCurve.NistP256.DomainParameters().N;
        for (int i = 0; i < 32; i++)
        {
            var d = new BigInteger(1, OpenSslEc.GenerateKeyPair(RspCurve.NistP256).D);
            Assert.That(d.SignValue > 0 && d.CompareTo(n) < 0, $"d = {d.ToString(16)}");
        }
    }

    private static void RequireOpenSsl()
    {
        if (!OpenSslEc.IsAvailable)
        {
            Assert.Ignore("libcrypto.so.3 is not available on this machine (the fallback is tested through DotNetEcka)");
        }
    }
}
