using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECKA-DH (BSI TR-03111 §4.3.1, SGP.22 v2.5 §2.6.5) on OpenSSL's libcrypto directly (<see cref="OpenSslEc"/>):
/// one scalar multiplication per shared secret, where <see cref="DotNetEcka"/> pays for .NET's key checks too.
/// Falls back to <see cref="DotNetEcka"/> where libcrypto.so.3 is not available.
/// </summary>
public sealed class OpenSslEcka : IEcka
{
    public static OpenSslEcka Instance { get; } = new();

    /// <summary>This implementation where OpenSSL can be called directly, else <see cref="DotNetEcka"/>.</summary>
    public static IEcka Fastest => OpenSslEc.IsAvailable ? Instance : DotNetEcka.Instance;

    public string Name => "OpenSSL";

    public byte[] SharedSecret(ECPrivateKeyParameters ownPrivate, ECPublicKeyParameters otherPublic)
    {
        RspCurve curve = EckaChecks.SameCurve(ownPrivate, otherPublic);
        byte[] d = EcKeys.PrivateScalar(ownPrivate);
        try
        {
            return OpenSslEc.SharedSecret(curve, d, EcKeys.ToUncompressedPoint(otherPublic));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(d);
        }
    }
}
