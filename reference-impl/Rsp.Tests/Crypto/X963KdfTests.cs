using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

/// <summary>NIST CAVP ansx963_2001.rsp, [SHA-256] sections.</summary>
public class X963KdfTests
{
    [TestCase("96c05619d56c328ab95fe84b18264b08725b85e33fd34f08", "", "443024c3dae66b95e6f5670601558f71")]
    [TestCase("96f600b73ad6ac5629577eced51743dd2c24c21b1ac83ee4", "", "b6295162a7804f5667ba9070f82fa522")]
    [TestCase("22518b10e70f2a3f243810ae3254139efbee04aa57c7af7d", "75eef81aa3041e33b80971203d2c0c52",
        "c498af77161cc59f2962b9a713e2b215152d139766ce34a776df11866a69bf2e52a13d9c7c6fc878c50c5ea0bc7b00e0da2447cfd874f6cf92f30d0097111485"
        + "500c90c3af8b487872d04685d14c8d1dc8d7fa08beb0ce0ababc11f0bd496269142d43525a78e5bc79a17f59676a5706dc54d54d4d1f0bd7e386128ec26afc21")]
    public void CavpVectors(string z, string sharedInfo, string keyData)
    {
        byte[] expected = Hex(keyData);
        Assert.That(X963Kdf.Derive(Hex(z), Hex(sharedInfo), expected.Length), Is.EqualTo(expected));
    }

    [Test]
    public void ShorterOutputIsAPrefix()
    {
        byte[] full = Hex("c498af77161cc59f2962b9a713e2b215152d139766ce34a776df11866a69bf2e52a13d9c7c6fc878");
        Assert.That(X963Kdf.Derive(Hex("22518b10e70f2a3f243810ae3254139efbee04aa57c7af7d"), Hex("75eef81aa3041e33b80971203d2c0c52"), 40),
            Is.EqualTo(full));
    }

    [TestCase(16)]
    [TestCase(48)]
    [TestCase(100)]
    public void AgreesWithBouncyCastleKdf2(int length)
    {
        // BouncyCastle's KDF2 is the X9.63 KDF (counter from 1): an independent implementation.
        byte[] z = Hex("8902dca391bbb22570fe60c176076246f568b1941265dff1d729e63039658089");
        byte[] info = Hex("8810088080808080808080801089049032123451234512345678901335");
        var kdf2 = new Kdf2BytesGenerator(new Sha256Digest());
        kdf2.Init(new KdfParameters(z, info));
        var expected = new byte[length];
        kdf2.GenerateBytes(expected, 0, length);
        Assert.That(X963Kdf.Derive(z, info, length), Is.EqualTo(expected));
    }
}
