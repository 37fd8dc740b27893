using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECDSA with SHA-256 on the SGP.22 curves, with signatures in the plain r||s format
/// (SGP.22 v2.5 §2.6.5, BSI TR-03111 §4.2.1.1 and §5.2.1). Two implementations:
/// <see cref="BouncyCastleEcdsa"/> and <see cref="DotNetEcdsa"/>.
/// </summary>
public interface IEcdsaSha256
{
    /// <summary>Short name of the implementation, e.g. "BouncyCastle" or "DotNet".</summary>
    string Name { get; }

    /// <summary>Signs SHA-256(<paramref name="data"/>) and returns the 64-byte r||s.</summary>
    byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data);

    /// <summary>
    /// True when <paramref name="signature"/> is a 64-byte r||s with 1 &lt;= r, s &lt; n that verifies
    /// over SHA-256(<paramref name="data"/>); false for anything else, never an exception for a bad signature.
    /// </summary>
    bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
