using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.SmdpPlus.Tests.Support;

/// <summary>Throwaway EC certificates for the tests: a TLS server certificate, an operator CA and its clients.</summary>
public static class TestCertificates
{
    public static readonly Lazy<X509Certificate2> Server = new(() => ServerCertificate(ECCurve.NamedCurves.nistP256));
    public static readonly Lazy<X509Certificate2> OperatorCa = new(() => CreateCa("CN=Test Operator CA"));
    public static readonly Lazy<X509Certificate2> OperatorClient = new(() => ClientCertificate(OperatorCa.Value, "CN=Test Operator"));
    public static readonly Lazy<X509Certificate2> RogueClient = new(() => ClientCertificate(CreateCa("CN=Rogue CA"), "CN=Rogue Operator"));

    /// <summary>A self-signed TLS server certificate for 127.0.0.1 / localhost on the given curve.</summary>
    public static X509Certificate2 ServerCertificate(ECCurve curve)
    {
        using var key = ECDsa.Create(curve);
        var req = new CertificateRequest("CN=testsmdpplus1.example.com", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("testsmdpplus1.example.com");
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 c = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(c.Export(X509ContentType.Pkcs12), null);
    }

    public static X509Certificate2 CreateCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        using X509Certificate2 c = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(c.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// A leaf under <paramref name="ca"/>: extendedKeyUsage <paramref name="eku"/> (clientAuth by default), a keyUsage
    /// extension only when <paramref name="usage"/> is given, valid from now for a day or, <paramref name="expired"/>,
    /// for one minute just after the CA's notBefore.
    /// </summary>
    public static X509Certificate2 ClientCertificate(X509Certificate2 ca, string subject, X509KeyUsageFlags? usage = null,
        string eku = "1.3.6.1.5.5.7.3.2", bool expired = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        if (usage is { } u)
        {
            req.CertificateExtensions.Add(new X509KeyUsageExtension(u, true));
        }
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = expired
            ? req.Create(ca, ca.NotBefore.AddMinutes(1), ca.NotBefore.AddMinutes(2), serial)
            : req.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
