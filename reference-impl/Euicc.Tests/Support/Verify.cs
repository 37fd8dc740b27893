using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Tests.Support;

/// <summary>Checks of the card's signatures as an SM-DP+ makes them: with the public key of the certificate it presented.</summary>
internal static class Verify
{
    public static bool Signature(byte[] certificate, ReadOnlySpan<byte> data, byte[] signature) =>
        BouncyCastleEcdsa.Instance.Verify(RspCertificate.Parse(certificate).PublicKey!, data, signature);

    /// <summary>Signed by the eUICC of the test PKI (NIST credential).</summary>
    public static bool ByEuicc(ReadOnlySpan<byte> data, byte[] signature) =>
        Signature(TestCard.Nist.Euicc.Certificate.Der, data, signature);
}
