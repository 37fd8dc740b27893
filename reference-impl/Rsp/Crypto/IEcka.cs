using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECKA-DH of BSI TR-03111 §4.3.1 as SGP.22 v2.5 §2.6.5 and §3.1.3 use it: the shared secret ShS
/// is the x-coordinate of d * Q, 32 bytes big-endian. Two implementations:
/// <see cref="BouncyCastleEcka"/> and <see cref="DotNetEcka"/>.
/// </summary>
public interface IEcka
{
    /// <summary>Short name of the implementation.</summary>
    string Name { get; }

    /// <summary>The shared secret (32 bytes). Both keys must be on the same SGP.22 curve.</summary>
    byte[] SharedSecret(ECPrivateKeyParameters ownPrivate, ECPublicKeyParameters otherPublic);
}

internal static class EckaChecks
{
    public static RspCurve SameCurve(ECPrivateKeyParameters own, ECPublicKeyParameters other)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(other);
        RspCurve a = EcKeys.CurveOf(own.Parameters);
        RspCurve b = EcKeys.CurveOf(other.Parameters);
        if (a != b)
        {
            throw new EcFormatException("ECKA", EcFormatProblem.UnsupportedCurve, $"private key on {a}, public key on {b}");
        }
        return a;
    }
}
