using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECKA-DH (BSI TR-03111 §4.3.1, SGP.22 v2.5 §2.6.5) with .NET's <see cref="ECDiffieHellman"/>
/// (OpenSSL on Linux); <see cref="ECDiffieHellman.DeriveRawSecretAgreement"/> is the x-coordinate.
/// </summary>
public sealed class DotNetEcka : IEcka
{
    public static DotNetEcka Instance { get; } = new();

    public string Name => "DotNet";

    public byte[] SharedSecret(ECPrivateKeyParameters ownPrivate, ECPublicKeyParameters otherPublic)
    {
        EckaChecks.SameCurve(ownPrivate, otherPublic);
        using var own = ECDiffieHellman.Create(DotNetKeys.Private(ownPrivate));
        using var other = ECDiffieHellman.Create(DotNetKeys.Public(otherPublic));
        using ECDiffieHellmanPublicKey otherKey = other.PublicKey;
        return own.DeriveRawSecretAgreement(otherKey);
    }
}
