using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Pki;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.SmdpPlus.Crypto;

/// <summary>An RSP certificate with its EC private key as an <see cref="X509Certificate2"/> SslStream can use (TLS server or client).</summary>
public static class CertificateWithKey
{
    public static X509Certificate2 Of(RspCertificate certificate, ECPrivateKeyParameters key)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        using X509Certificate2 plain = X509CertificateLoader.LoadCertificate(certificate.Der);
        using ECDsa ecdsa = ECDsa.Create(OpenSslKeys.Private(key));
        using X509Certificate2 withKey = plain.CopyWithPrivateKey(ecdsa);
        // SslStream on Linux wants a certificate whose key it can hand to OpenSSL; a PKCS#12 round trip gives that.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public static X509Certificate2 Of(IssuedCertificate issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return Of(issued.Certificate, issued.RequirePrivateKey());
    }
}
