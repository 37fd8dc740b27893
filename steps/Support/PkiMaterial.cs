using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Steps.Support;

/// <summary>Turns the protocol core's certificates into what .NET's TLS stack takes, and makes throwaway rogue certificates.</summary>
public static class PkiMaterial
{
    /// <summary>The certificate alone (a trust anchor).</summary>
    public static X509Certificate2 Certificate(RspCertificate certificate) => X509CertificateLoader.LoadCertificate(certificate.Der);

    /// <summary>The certificate with its private key, usable by SslStream on Linux (PKCS#12 round trip).</summary>
    public static X509Certificate2 WithKey(RspCertificate certificate, ECPrivateKeyParameters key)
    {
        using X509Certificate2 plain = Certificate(certificate);
        using ECDsa ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(EcPrivateKeyCodec.ToSec1Der(key), out _);
        using X509Certificate2 withKey = plain.CopyWithPrivateKey(ecdsa);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A certificate and key from PEM files.</summary>
    public static X509Certificate2 FromPemFiles(string certificatePath, string keyPath)
    {
        using X509Certificate2 c = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(c.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Every certificate of a PEM file.</summary>
    public static X509Certificate2Collection Roots(string pemPath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(pemPath);
        return roots;
    }

    /// <summary>The curve whose CERT.DPtls the reference SM-DP+ presents: NIST when it is in the run (every TLS stack offers P-256).</summary>
    public static CurvePki TlsCurve(TestPki pki) =>
        pki.Curves.FirstOrDefault(c => c.Curve == RspCurve.NistP256) ?? pki.Curves[0];

    /// <summary>An ES2+ client certificate issued by a CA nobody trusts: what an impostor operator would present.</summary>
    public static X509Certificate2 RogueOperatorCertificate()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Rogue Operator CA, O=Not the operator", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Rogue ES2+ client, O=Not the operator", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        // Within the CA's validity whatever the clock did since the CA was made.
        using X509Certificate2 issued = request.Create(ca, ca.NotBefore.AddMinutes(1), ca.NotAfter.AddMinutes(-1), [0x01, 0x23, 0x45, 0x67]);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
