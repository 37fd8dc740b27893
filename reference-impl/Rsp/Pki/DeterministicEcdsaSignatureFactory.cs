using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Conformance.Rsp.Pki;

/// <summary>
/// ecdsa-with-SHA256 certificate signatures with deterministic k (RFC 6979, BouncyCastle
/// <see cref="HMacDsaKCalculator"/>), so the same key and to-be-signed bytes give byte-identical
/// certificates. The signature value is the DER SEQUENCE { r, s } of X.509 (not SGP.22's r||s).
/// </summary>
internal sealed class DeterministicEcdsaSignatureFactory(ECPrivateKeyParameters key) : ISignatureFactory
{
    public object AlgorithmDetails { get; } = new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256);

    public IStreamCalculator<IBlockResult> CreateCalculator()
    {
        var signer = new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())), new Sha256Digest());
        signer.Init(true, key);
        return new DefaultSignatureCalculator(signer);
    }
}
