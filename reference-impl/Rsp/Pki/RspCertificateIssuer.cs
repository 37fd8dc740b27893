using System.Net;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Issues X.509 v3 certificates from a <see cref="CertificateTemplate"/>, signed with ecdsa-with-SHA256
/// and deterministic k, so equal inputs give byte-identical DER.
/// </summary>
public static class RspCertificateIssuer
{
    /// <summary>Issues a certificate for <paramref name="subjectKey"/>, signed by <paramref name="issuerKey"/>;
    /// <paramref name="issuer"/> null means self-signed.</summary>
    public static RspCertificate Issue(CertificateTemplate t, ECPublicKeyParameters subjectKey, RspCertificate? issuer, ECPrivateKeyParameters issuerKey)
    {
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(BcBigInteger.ValueOf(t.SerialNumber));
        gen.SetSubjectDN(t.Subject);
        gen.SetIssuerDN(issuer?.Subject ?? t.Subject);
        gen.SetNotBefore(t.NotBefore);
        gen.SetNotAfter(t.NotAfter);
        gen.SetPublicKey(subjectKey);
        var spki = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(subjectKey);

        byte[]? aki = t.AuthorityKeyIdentifierOverride ?? issuer?.SubjectKeyIdentifier;
        if (aki is not null)
        {
            gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(aki));
        }
        if (!t.OmitSubjectKeyIdentifier)
        {
            // RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value.
            gen.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(System.Security.Cryptography.SHA1.HashData(spki.PublicKey.GetBytes())));
        }
        if (t.IsCa is { } isCa)
        {
            var bc = isCa ? (t.PathLength is { } len ? new BasicConstraints(len) : new BasicConstraints(true)) : new BasicConstraints(false);
            gen.AddExtension(X509Extensions.BasicConstraints, true, bc);
        }
        if (t.KeyUsage != 0)
        {
            gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(t.KeyUsage));
        }
        if (t.ExtendedKeyUsages.Count > 0)
        {
            gen.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(t.ExtendedKeyUsages));
        }
        if (t.Policies.Count > 0)
        {
            var infos = t.Policies.Select(p => new PolicyInformation(new DerObjectIdentifier(p))).ToArray();
            gen.AddExtension(X509Extensions.CertificatePolicies, t.PoliciesCritical, new CertificatePolicies(infos));
        }
        var names = new List<GeneralName>();
        names.AddRange(t.DnsNames.Select(d => new GeneralName(GeneralName.DnsName, d)));
        names.AddRange(t.IpAddresses.Select(ip => new GeneralName(GeneralName.IPAddress, new DerOctetString(IPAddress.Parse(ip).GetAddressBytes()))));
        if (t.RegisteredId is not null)
        {
            names.Add(new GeneralName(GeneralName.RegisteredID, t.RegisteredId));
        }
        if (names.Count > 0)
        {
            gen.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(names.ToArray()));
        }
        if (t.EidRange is not null)
        {
            // RFC 5280 §4.2.1.10: conforming CAs MUST mark this extension as critical.
            gen.AddExtension(X509Extensions.NameConstraints, true, t.EidRange.ToNameConstraints());
        }
        if (t.CrlDistributionPoint is not null)
        {
            var uri = new GeneralNames(new GeneralName(GeneralName.UniformResourceIdentifier, t.CrlDistributionPoint));
            var point = new DistributionPoint(new DistributionPointName(uri), null, null);
            gen.AddExtension(X509Extensions.CrlDistributionPoints, false, new CrlDistPoint([point]));
        }
        var cert = gen.Generate(new DeterministicEcdsaSignatureFactory(issuerKey));
        return RspCertificate.Parse(cert.GetEncoded());
    }
}
