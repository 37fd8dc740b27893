using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities;

namespace Conformance.Rsp.Crypto;

/// <summary>ECKA-DH (BSI TR-03111 §4.3.1, SGP.22 v2.5 §2.6.5) with BouncyCastle's basic ECDH agreement.</summary>
public sealed class BouncyCastleEcka : IEcka
{
    public static BouncyCastleEcka Instance { get; } = new();

    public string Name => "BouncyCastle";

    public byte[] SharedSecret(ECPrivateKeyParameters ownPrivate, ECPublicKeyParameters otherPublic)
    {
        EckaChecks.SameCurve(ownPrivate, otherPublic);
        var agreement = new ECDHBasicAgreement();
        agreement.Init(ownPrivate);
        return BigIntegers.AsUnsignedByteArray(EcKeys.FieldLength, agreement.CalculateAgreement(otherPublic));
    }
}
