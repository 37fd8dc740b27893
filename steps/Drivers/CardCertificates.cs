using Conformance.Rsp.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Conformance.Steps.Drivers;

/// <summary>Certificates and CRLs for eUICC negative cases that the run's PKI does not hold.</summary>
public static class CardCertificates
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A CERT.DPauth.ECDSA-shaped certificate (DPauth policy, digitalSignature) whose key is on P-384, a curve
    /// SGP.22 v2.5 §2.6.5 does not use, signed by <paramref name="ci"/> (SGP.22 §5.7.13: unsupportedCurve).
    /// </summary>
    public static byte[] DpAuthOnP384(IssuedCertificate ci)
    {
        ArgumentNullException.ThrowIfNull(ci);
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP384r1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(BigInteger.ValueOf(0x3840));
        gen.SetIssuerDN(ci.Certificate.Subject);
        gen.SetSubjectDN(new X509Name("CN=P-384 SMDP,O=Conformance negative case"));
        gen.SetNotBefore(Start);
        gen.SetNotAfter(End);
        gen.SetPublicKey(pair.Public);
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(ci.Certificate.SubjectKeyIdentifier));
        gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        gen.AddExtension(X509Extensions.CertificatePolicies, true,
            new CertificatePolicies(new PolicyInformation(new DerObjectIdentifier(RspCertificatePolicies.DpAuth))));
        return gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", ci.RequirePrivateKey())).GetEncoded();
    }

    /// <summary>
    /// An X.509 CRL (SGP.22 v2.5 §4.6) naming <paramref name="claimedCi"/> as issuer (name and authorityKeyIdentifier),
    /// signed with <paramref name="signer"/>, cRLNumber <paramref name="number"/>, revoking one serial no certificate has.
    /// </summary>
    public static byte[] Crl(IssuedCertificate claimedCi, ECPrivateKeyParameters signer, long number)
    {
        ArgumentNullException.ThrowIfNull(claimedCi);
        var gen = new X509V2CrlGenerator();
        gen.SetIssuerDN(claimedCi.Certificate.Subject);
        gen.SetThisUpdate(Start);
        gen.SetNextUpdate(End);
        gen.AddCrlEntry(BigInteger.ValueOf(0x0BAD0BAD), Start, CrlReason.KeyCompromise);
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(claimedCi.Certificate.SubjectKeyIdentifier));
        gen.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BigInteger.ValueOf(number)));
        return gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signer)).GetEncoded();
    }
}
