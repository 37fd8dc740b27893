using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// Conversions between BouncyCastle EC key types and the encodings SGP.22 carries:
/// the uncompressed point 04||X||Y of [APPLICATION 73] one-time keys (otPK.EUICC.ECKA, otPK.DP.ECKA,
/// SGP.22 v2.5 §3.1.3, §5.6.2) and the SubjectPublicKeyInfo of certificates (§4.5).
/// Every decoder is strict: wrong length, wrong prefix, a point off the curve or a curve SGP.22
/// does not use is an <see cref="EcFormatException"/>.
/// </summary>
public static class EcKeys
{
    /// <summary>Length of a field element, a scalar and each half of a plain signature: 32 bytes.</summary>
    public const int FieldLength = 32;

    /// <summary>Length of an uncompressed point 04||X||Y: 65 bytes.</summary>
    public const int UncompressedPointLength = 1 + (2 * FieldLength);

    /// <summary>The curve of BouncyCastle domain parameters; fails when it is not one SGP.22 uses.</summary>
    public static RspCurve CurveOf(ECDomainParameters domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (domain is ECNamedDomainParameters named && RspCurves.FromOid(named.Name.Id) is RspCurve byOid)
        {
            return byOid;
        }
        foreach (RspCurve c in new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 })
        {
            ECDomainParameters d = c.DomainParameters();
            if (d.Curve.Equals(domain.Curve) && d.G.Equals(domain.G) && d.N.Equals(domain.N))
            {
                return c;
            }
        }
        throw new EcFormatException("EC domain", EcFormatProblem.UnsupportedCurve, "not NIST P-256 nor brainpoolP256r1");
    }

    /// <summary>Decodes an uncompressed point 04||X||Y (65 bytes) on <paramref name="curve"/>.</summary>
    public static ECPublicKeyParameters PublicKeyFromUncompressedPoint(RspCurve curve, ReadOnlySpan<byte> point, string subject = "EC public key")
    {
        if (point.Length != UncompressedPointLength)
        {
            throw new EcFormatException(subject, EcFormatProblem.WrongLength, $"an uncompressed point is {UncompressedPointLength} bytes, got {point.Length}");
        }
        if (point[0] != 0x04)
        {
            throw new EcFormatException(subject, EcFormatProblem.Malformed, $"an uncompressed point starts with 04, got {point[0]:X2}");
        }
        ECDomainParameters domain = curve.DomainParameters();
        try
        {
            ECPoint q = domain.Curve.DecodePoint(point.ToArray());
            return new ECPublicKeyParameters("EC", q, domain);
        }
        catch (ArgumentException e)
        {
            throw new EcFormatException(subject, EcFormatProblem.NotOnCurve, $"the point is not a valid point of {curve}", e);
        }
    }

    /// <summary>The uncompressed point 04||X||Y (65 bytes) of a public key.</summary>
    public static byte[] ToUncompressedPoint(ECPublicKeyParameters key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Q.Normalize().GetEncoded(false);
    }

    /// <summary>
    /// Decodes a DER SubjectPublicKeyInfo with algorithm id-ecPublicKey and a named curve SGP.22 uses
    /// (SGP.22 v2.5 §4.5: certificates carry the curve as a named-curve OID).
    /// </summary>
    public static ECPublicKeyParameters PublicKeyFromSubjectPublicKeyInfo(ReadOnlySpan<byte> spki, string subject = "SubjectPublicKeyInfo")
    {
        SubjectPublicKeyInfo info;
        try
        {
            var obj = Asn1Object.FromByteArray(spki.ToArray());
            info = SubjectPublicKeyInfo.GetInstance(obj);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException)
        {
            throw new EcFormatException(subject, EcFormatProblem.Malformed, "not a DER SubjectPublicKeyInfo", e);
        }
        if (!X9ObjectIdentifiers.IdECPublicKey.Equals(info.Algorithm.Algorithm))
        {
            throw new EcFormatException(subject, EcFormatProblem.UnsupportedCurve, $"algorithm {info.Algorithm.Algorithm.Id} is not id-ecPublicKey");
        }
        if (info.Algorithm.Parameters is not DerObjectIdentifier curveOid || RspCurves.FromOid(curveOid.Id) is not RspCurve curve)
        {
            throw new EcFormatException(subject, EcFormatProblem.UnsupportedCurve, $"parameters {info.Algorithm.Parameters} are not a named curve SGP.22 uses");
        }
        if (info.PublicKey.PadBits != 0)
        {
            throw new EcFormatException(subject, EcFormatProblem.Malformed, "subjectPublicKey has unused bits");
        }
        return PublicKeyFromUncompressedPoint(curve, info.PublicKey.GetOctets(), subject);
    }

    /// <summary>A private key from its 32-byte big-endian scalar d, 1 &lt;= d &lt; n.</summary>
    public static ECPrivateKeyParameters PrivateKey(RspCurve curve, ReadOnlySpan<byte> d, string subject = "EC private key")
    {
        if (d.Length != FieldLength)
        {
            throw new EcFormatException(subject, EcFormatProblem.WrongLength, $"a private scalar is {FieldLength} bytes, got {d.Length}");
        }
        ECDomainParameters domain = curve.DomainParameters();
        var value = new BigInteger(1, d.ToArray());
        if (value.SignValue <= 0 || value.CompareTo(domain.N) >= 0)
        {
            throw new EcFormatException(subject, EcFormatProblem.OutOfRange, "the private scalar must be in [1, n-1]");
        }
        return new ECPrivateKeyParameters("EC", value, domain);
    }

    /// <summary>The 32-byte big-endian scalar of a private key.</summary>
    public static byte[] PrivateScalar(ECPrivateKeyParameters key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return BigIntegers.AsUnsignedByteArray(FieldLength, key.D);
    }

    /// <summary>The public key d*G of a private key.</summary>
    public static ECPublicKeyParameters PublicKeyOf(ECPrivateKeyParameters key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ECPoint q = new FixedPointCombMultiplier().Multiply(key.Parameters.G, key.D).Normalize();
        return new ECPublicKeyParameters("EC", q, key.Parameters);
    }
}
