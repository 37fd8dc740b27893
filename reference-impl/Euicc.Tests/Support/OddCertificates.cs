using Conformance.Rsp.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Conformance.Euicc.Tests.Support;

/// <summary>Certificates and CRLs the test PKI does not make.</summary>
internal static class OddCertificates
{
    /// <summary>A DPauth-shaped certificate whose key is on P-384, a curve SGP.22 does not use, signed by the CI.</summary>
    public static byte[] DpAuthOnP384(IssuedCertificate ci)
    {
        var kpg = new ECKeyPairGenerator();
        kpg.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP384r1, new SecureRandom()));
        var pair = kpg.GenerateKeyPair();
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(Org.BouncyCastle.Math.BigInteger.ValueOf(0x3840));
        gen.SetIssuerDN(ci.Certificate.Subject);
        gen.SetSubjectDN(new X509Name("CN=P-384 SMDP,O=Odd"));
        gen.SetNotBefore(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        gen.SetNotAfter(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        gen.SetPublicKey(pair.Public);
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(ci.Certificate.SubjectKeyIdentifier));
        gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        gen.AddExtension(X509Extensions.CertificatePolicies, true, new CertificatePolicies(new PolicyInformation(new DerObjectIdentifier(RspCertificatePolicies.DpAuth))));
        return gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", ci.RequirePrivateKey())).GetEncoded();
    }

    /// <summary>A CRL signed with <paramref name="signer"/>, claiming to come from <paramref name="claimedCi"/> (its AKI).</summary>
    public static byte[] Crl(IssuedCertificate claimedCi, ECPrivateKeyParameters signer, long number, long? deltaBase = null, long revokedSerial = 0x1234)
    {
        var gen = new X509V2CrlGenerator();
        gen.SetIssuerDN(claimedCi.Certificate.Subject);
        gen.SetThisUpdate(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        gen.SetNextUpdate(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        gen.AddCrlEntry(Org.BouncyCastle.Math.BigInteger.ValueOf(revokedSerial), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), CrlReason.KeyCompromise);
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(claimedCi.Certificate.SubjectKeyIdentifier));
        gen.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(Org.BouncyCastle.Math.BigInteger.ValueOf(number)));
        if (deltaBase is { } b)
        {
            gen.AddExtension(X509Extensions.DeltaCrlIndicator, true, DerInteger.ValueOf(b));
        }
        return gen.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", signer)).GetEncoded();
    }
}
