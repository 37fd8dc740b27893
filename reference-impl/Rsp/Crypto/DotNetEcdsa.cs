using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECDSA-SHA256 with .NET's <see cref="ECDsa"/> (OpenSSL on Linux), signatures in
/// <see cref="DSASignatureFormat.IeeeP1363FixedFieldConcatenation"/>, which is the r||s of
/// SGP.22 v2.5 §2.6.5 / BSI TR-03111. Keys cross the boundary as BouncyCastle types and are
/// imported for each call.
/// </summary>
public sealed class DotNetEcdsa : IEcdsaSha256
{
    public static DotNetEcdsa Instance { get; } = new();

    public string Name => "DotNet";

    public byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var ecdsa = ECDsa.Create(DotNetKeys.Private(key));
        return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        RspCurve curve = EcKeys.CurveOf(key.Parameters);
        if (!EcdsaSignature.IsValidPlain(curve, signature))
        {
            return false;
        }
        using var ecdsa = ECDsa.Create(DotNetKeys.Public(key));
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
