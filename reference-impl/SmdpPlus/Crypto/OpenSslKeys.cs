using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.SmdpPlus.Crypto;

/// <summary>Converts BouncyCastle EC keys and SGP.22 point encodings into .NET (OpenSSL) key parameters.</summary>
public static class OpenSslKeys
{
    public static ECCurve Curve(RspCurve curve) => curve == RspCurve.NistP256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.brainpoolP256r1;

    /// <summary>Public parameters from an uncompressed point 04||X||Y (no validation here; OpenSSL validates on import).</summary>
    public static ECParameters FromPoint(RspCurve curve, ReadOnlySpan<byte> point)
    {
        if (point.Length != EcKeys.UncompressedPointLength || point[0] != 0x04)
        {
            throw new EcFormatException("EC public key", EcFormatProblem.Malformed, "not an uncompressed point of 65 bytes");
        }
        return new ECParameters
        {
            Curve = Curve(curve),
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        };
    }

    public static ECParameters Public(ECPublicKeyParameters key) =>
        FromPoint(EcKeys.CurveOf(key.Parameters), EcKeys.ToUncompressedPoint(key));

    public static ECParameters Private(ECPrivateKeyParameters key)
    {
        ECParameters p = Public(EcKeys.PublicKeyOf(key));
        p.D = EcKeys.PrivateScalar(key);
        return p;
    }

    /// <summary>The uncompressed point 04||X||Y of a .NET key.</summary>
    public static byte[] Point(ECParameters p) => [0x04, .. p.Q.X!, .. p.Q.Y!];
}
