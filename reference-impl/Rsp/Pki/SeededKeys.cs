using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Seeded key derivation for the test PKI: each key is derived on its own from (seed, curve, label),
/// so the same seed always yields the same keys and adding a certificate never changes the others.
/// d = SHA-256("conformance-test-pki" || seed (8 bytes big-endian) || curve || label || counter)
/// read as a big-endian integer, retried with the next counter until 1 &lt;= d &lt; n.
/// Test keys only: never use for anything but tests.
/// </summary>
public static class SeededKeys
{
    public static ECPrivateKeyParameters Derive(long seed, RspCurve curve, string label)
    {
        var domain = curve.DomainParameters();
        byte[] prefix = Encoding.ASCII.GetBytes("conformance-test-pki");
        byte[] seedBytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(seedBytes, seed);
        byte[] rest = Encoding.UTF8.GetBytes($"|{curve.ShortName()}|{label}|");
        for (uint counter = 0; ; counter++)
        {
            byte[] counterBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
            byte[] digest = SHA256.HashData([.. prefix, .. seedBytes, .. rest, .. counterBytes]);
            var d = new BigInteger(1, digest);
            if (d.SignValue > 0 && d.CompareTo(domain.N) < 0)
            {
                return new ECPrivateKeyParameters(d, domain);
            }
        }
    }

    /// <summary>The public key of a private key (Q = d·G).</summary>
    public static ECPublicKeyParameters PublicOf(ECPrivateKeyParameters key) =>
        new(new FixedPointCombMultiplier().Multiply(key.Parameters.G, key.D).Normalize(), key.Parameters);
}
