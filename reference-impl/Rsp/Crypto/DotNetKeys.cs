using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities;

namespace Conformance.Rsp.Crypto;

/// <summary>Imports BouncyCastle EC keys into .NET's <see cref="ECParameters"/> (OpenSSL on Linux).</summary>
internal static class DotNetKeys
{
    public static ECCurve Curve(RspCurve curve) => curve switch
    {
        RspCurve.NistP256 => ECCurve.NamedCurves.nistP256,
        RspCurve.BrainpoolP256r1 => ECCurve.NamedCurves.brainpoolP256r1,
        _ => throw new ArgumentOutOfRangeException(nameof(curve)),
    };

    public static ECParameters Public(ECPublicKeyParameters key)
    {
        RspCurve curve = EcKeys.CurveOf(key.Parameters);
        var q = key.Q.Normalize();
        return new ECParameters
        {
            Curve = Curve(curve),
            Q = new ECPoint
            {
                X = BigIntegers.AsUnsignedByteArray(EcKeys.FieldLength, q.AffineXCoord.ToBigInteger()),
                Y = BigIntegers.AsUnsignedByteArray(EcKeys.FieldLength, q.AffineYCoord.ToBigInteger()),
            },
        };
    }

    /// <summary>The private scalar alone: .NET derives Q on import, so no BouncyCastle point multiplication runs here.</summary>
    public static ECParameters Private(ECPrivateKeyParameters key) => new()
    {
        Curve = Curve(EcKeys.CurveOf(key.Parameters)),
        D = EcKeys.PrivateScalar(key),
    };
}
