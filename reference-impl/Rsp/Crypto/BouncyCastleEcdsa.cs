using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECDSA-SHA256 with BouncyCastle (SGP.22 v2.5 §2.6.5). P-256 runs on BouncyCastle's custom curve
/// (see <see cref="RspCurves.DomainParameters"/>), brainpoolP256r1 on the generic one.
/// </summary>
public sealed class BouncyCastleEcdsa : IEcdsaSha256
{
    // SecureRandom serialises access to its generator, so one instance serves every thread.
    private static readonly SecureRandom SharedRandom = new();
    private readonly SecureRandom? _random;
    private readonly bool _deterministic;

    private BouncyCastleEcdsa(SecureRandom? random, bool deterministic)
    {
        _random = random;
        _deterministic = deterministic;
    }

    /// <summary>Random nonces from a <see cref="SecureRandom"/>.</summary>
    public static BouncyCastleEcdsa Instance { get; } = new(null, false);

    /// <summary>Deterministic nonces (RFC 6979 with HMAC-SHA256): for known-answer tests and reproducible fixtures.</summary>
    public static BouncyCastleEcdsa Deterministic { get; } = new(null, true);

    /// <summary>Random nonces from the given source (tests).</summary>
    public static BouncyCastleEcdsa WithRandom(SecureRandom random) => new(random, false);

    public string Name => "BouncyCastle";

    public byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(key);
        EcKeys.CurveOf(key.Parameters);
        byte[] hash = Sha256(data);
        var signer = _deterministic ? new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())) : new ECDsaSigner();
        signer.Init(true, _deterministic ? key : new ParametersWithRandom(key, _random ?? SharedRandom));
        BigInteger[] rs = signer.GenerateSignature(hash);
        var plain = new byte[EcdsaSignature.PlainLength];
        BigIntegers.AsUnsignedByteArray(rs[0], plain, 0, EcKeys.FieldLength);
        BigIntegers.AsUnsignedByteArray(rs[1], plain, EcKeys.FieldLength, EcKeys.FieldLength);
        return plain;
    }

    public bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        RspCurve curve = EcKeys.CurveOf(key.Parameters);
        if (!EcdsaSignature.IsValidPlain(curve, signature))
        {
            return false;
        }
        var r = new BigInteger(1, signature[..EcKeys.FieldLength].ToArray());
        var s = new BigInteger(1, signature[EcKeys.FieldLength..].ToArray());
        var verifier = new ECDsaSigner();
        verifier.Init(false, key);
        return verifier.VerifySignature(Sha256(data), r, s);
    }

    private static byte[] Sha256(ReadOnlySpan<byte> data) => System.Security.Cryptography.SHA256.HashData(data);
}
