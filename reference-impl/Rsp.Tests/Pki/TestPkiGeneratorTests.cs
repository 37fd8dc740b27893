using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using R = Conformance.Rsp.Pki.CertificateFailureReason;

namespace Conformance.Rsp.Tests.Pki;

public sealed class TestPkiGeneratorTests
{
    [Test]
    public void Same_seed_gives_byte_identical_certificates_and_keys()
    {
        var a = TestPkiGenerator.Generate(new TestPkiOptions { Seed = 42 });
        var b = TestPkiGenerator.Generate(new TestPkiOptions { Seed = 42 });
        foreach (var curve in PkiFixture.Curves)
        {
            foreach (var item in Enum.GetValues<PkiItem>())
            {
                Assert.That(a.For(curve)[item].Certificate.Der, Is.EqualTo(b.For(curve)[item].Certificate.Der), $"{curve} {item}");
                Assert.That(EcPrivateKeyCodec.ToSec1Der(a.For(curve)[item].RequirePrivateKey()),
                    Is.EqualTo(EcPrivateKeyCodec.ToSec1Der(b.For(curve)[item].RequirePrivateKey())), $"{curve} {item} key");
            }
        }
        Assert.That(a.Operator!.Client.Der, Is.EqualTo(b.Operator!.Client.Der));
    }

    [Test]
    public void Different_seed_gives_different_keys()
    {
        var a = TestPkiGenerator.Generate(new TestPkiOptions { Seed = 1, Curves = [RspCurve.NistP256], IncludeNegativeVariants = false });
        var b = TestPkiGenerator.Generate(new TestPkiOptions { Seed = 2, Curves = [RspCurve.NistP256], IncludeNegativeVariants = false });
        Assert.That(a.For(RspCurve.NistP256).Ci.Certificate.SubjectKeyIdentifier,
            Is.Not.EqualTo(b.For(RspCurve.NistP256).Ci.Certificate.SubjectKeyIdentifier));
    }

    /// <summary>Independent check (common-mode guard): .NET's own X.509 and ECDSA stack verifies every issued signature.</summary>
    [TestCaseSource(typeof(PkiFixture), nameof(PkiFixture.Curves))]
    public void Every_signature_verifies_with_the_platform_crypto(RspCurve curve)
    {
        var pki = PkiFixture.Curve(curve);
        (PkiItem Subject, PkiItem Issuer)[] pairs =
        [
            (PkiItem.Ci, PkiItem.Ci), (PkiItem.Eum, PkiItem.Ci), (PkiItem.Euicc, PkiItem.Eum), (PkiItem.DpAuth, PkiItem.Ci),
            (PkiItem.DpPb, PkiItem.Ci), (PkiItem.DpTls, PkiItem.Ci), (PkiItem.EuiccSignedByOtherEum, PkiItem.OtherEum),
            (PkiItem.DpAuthUnderUnknownCi, PkiItem.UnknownCi),
        ];
        foreach (var (subject, issuer) in pairs)
        {
            Assert.That(PlatformVerifies(pki[subject].Certificate.Der, pki[issuer].Certificate.Der), Is.True, $"{subject} by {issuer}");
        }
        Assert.That(PlatformVerifies(pki[PkiItem.EuiccSignedByOtherEum].Certificate.Der, pki.Eum.Certificate.Der), Is.False);
    }

    [TestCaseSource(typeof(PkiFixture), nameof(PkiFixture.Curves))]
    public void Certificates_have_the_sgp22_profile(RspCurve curve)
    {
        var pki = PkiFixture.Curve(curve);
        using var euicc = X509CertificateLoader.LoadCertificate(pki.Euicc.Certificate.Der);
        using var ci = X509CertificateLoader.LoadCertificate(pki.Ci.Certificate.Der);
        using var eum = X509CertificateLoader.LoadCertificate(pki.Eum.Certificate.Der);
        using var tls = X509CertificateLoader.LoadCertificate(pki.DpTls.Certificate.Der);

        Assert.That(euicc.SubjectName.Name, Does.Contain("SERIALNUMBER=89049032123451234512345678901235"));
        Assert.That(euicc.GetECDsaPublicKey()!.ExportParameters(false).Curve.Oid.Value, Is.EqualTo(curve.Oid()));
        Assert.That(Ext<X509BasicConstraintsExtension>(ci).CertificateAuthority, Is.True);
        Assert.That(Ext<X509KeyUsageExtension>(ci).KeyUsages, Is.EqualTo(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign));
        Assert.That(Ext<X509KeyUsageExtension>(euicc).KeyUsages, Is.EqualTo(X509KeyUsageFlags.DigitalSignature));
        Assert.That(Ext<X509BasicConstraintsExtension>(eum).HasPathLengthConstraint, Is.True);
        // AKI of the EUM is the CI's SKI, the CI's SKI is its PKId.
        Assert.That(Ext<X509AuthorityKeyIdentifierExtension>(eum).KeyIdentifier!.Value.ToArray(),
            Is.EqualTo(Ext<X509SubjectKeyIdentifierExtension>(ci).SubjectKeyIdentifierBytes.ToArray()));
        Assert.That(Ext<X509SubjectAlternativeNameExtension>(tls).EnumerateDnsNames(), Is.EqualTo(new[] { "testsmdpplus1.example.com" }));
        Assert.That(Ext<X509EnhancedKeyUsageExtension>(tls).EnhancedKeyUsages[0].Value, Is.EqualTo("1.3.6.1.5.5.7.3.1"));
        Assert.That(pki.Eum.Certificate.Policies, Is.EqualTo(new[] { "2.23.146.1.2.1.2" }));
        Assert.That(pki.DpPb.Certificate.Policies, Is.EqualTo(new[] { "2.23.146.1.2.1.5" }));
        Assert.That(euicc.NotAfter.ToUniversalTime(), Is.EqualTo(new DateTime(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
    }

    [Test]
    public void Tls_host_and_loopback_sans()
    {
        var pki = TestPkiGenerator.Generate(new TestPkiOptions
        {
            Curves = [RspCurve.NistP256], IncludeNegativeVariants = false, TlsHost = "smdp.test", LoopbackSans = true,
        });
        using var tls = X509CertificateLoader.LoadCertificate(pki.For(RspCurve.NistP256).DpTls.Certificate.Der);
        var san = Ext<X509SubjectAlternativeNameExtension>(tls);
        Assert.That(san.EnumerateDnsNames(), Is.EqualTo(new[] { "smdp.test", "localhost" }));
        Assert.That(san.EnumerateIPAddresses().Select(a => a.ToString()), Is.EqualTo(new[] { "127.0.0.1", "::1" }));
    }

    [Test]
    public void Operator_client_is_issued_by_the_operator_ca_with_clientAuth()
    {
        var op = PkiFixture.Pki.Operator!;
        Assert.That(PlatformVerifies(op.Client.Der, op.Ca.Der), Is.True);
        using var client = X509CertificateLoader.LoadCertificate(op.Client.Der);
        Assert.That(Ext<X509EnhancedKeyUsageExtension>(client).EnhancedKeyUsages[0].Value, Is.EqualTo("1.3.6.1.5.5.7.3.2"));
        Assert.That(op.Client.Policies, Is.Empty, "the operator PKI is not GSMA PKI");
    }

    /// <summary>Each SGP.23 negative variant fails validation for the reason its test sequence needs.</summary>
    [TestCase(PkiItem.EuiccUnderExpiredEum, PkiItem.ExpiredEum, CertificateRole.Eum, R.Expired)]
    [TestCase(PkiItem.ExpiredEuicc, PkiItem.Eum, CertificateRole.Euicc, R.Expired)]
    [TestCase(PkiItem.EuiccSignedByOtherEum, PkiItem.Eum, CertificateRole.Euicc, R.InvalidSignature)]
    [TestCase(PkiItem.EuiccUnderUnknownCi, PkiItem.EumUnderUnknownCi, CertificateRole.Eum, R.UnknownCi)]
    [TestCase(PkiItem.EuiccEidOutsideRange, PkiItem.Eum, CertificateRole.Euicc, R.EidOutsidePermittedRange)]
    public void Negative_euicc_variants(PkiItem euicc, PkiItem eum, CertificateRole role, R reason)
    {
        foreach (var curve in PkiFixture.Curves)
        {
            var pki = PkiFixture.Curve(curve);
            var result = pki.Validator().ValidateEuiccChain(pki[euicc].Certificate.Der, pki[eum].Certificate.Der, PkiFixture.Now);
            Assert.That((result.FailedCertificate, result.Reason), Is.EqualTo(((CertificateRole?)role, (R?)reason)), $"{curve}: {result}");
        }
    }

    [TestCase(PkiItem.DpAuthWrongPolicy, R.WrongPolicy)]
    [TestCase(PkiItem.DpPbWrongPolicy, R.WrongPolicy)]
    [TestCase(PkiItem.DpAuthExpired, R.Expired)]
    [TestCase(PkiItem.DpPbExpired, R.Expired)]
    [TestCase(PkiItem.DpAuthUnderUnknownCi, R.UnknownCi)]
    [TestCase(PkiItem.DpPbUnderUnknownCi, R.UnknownCi)]
    [TestCase(PkiItem.DsAuthWrongPolicy, R.WrongPolicy)]
    [TestCase(PkiItem.DsAuthExpired, R.Expired)]
    public void Negative_smdp_variants(PkiItem item, R reason)
    {
        foreach (var curve in PkiFixture.Curves)
        {
            var pki = PkiFixture.Curve(curve);
            var result = pki.Validator().ValidateServerCertificate(item.Role(), pki[item].Certificate.Der, PkiFixture.Now);
            Assert.That((result.FailedCertificate, result.Reason), Is.EqualTo(((CertificateRole?)item.Role(), (R?)reason)), $"{curve}: {result}");
        }
    }

    [Test]
    public void The_other_eum_and_the_unknown_ci_are_themselves_well_formed()
    {
        var pki = PkiFixture.Curve(RspCurve.NistP256);
        Assert.That(pki.Validator().ValidateEuiccChain(pki[PkiItem.EuiccSignedByOtherEum].Certificate.Der, pki[PkiItem.OtherEum].Certificate.Der, PkiFixture.Now).IsValid);
        Assert.That(RspCertificateValidator.ValidateCi(pki[PkiItem.UnknownCi].Certificate, PkiFixture.Now).IsValid);
    }

    [Test]
    public void Eid_outside_the_configured_range_is_refused_up_front()
    {
        Assert.Throws<ArgumentException>(() => TestPkiGenerator.Generate(new TestPkiOptions { Eid = "89033024000000000000000000000194" }));
    }

    private static T Ext<T>(X509Certificate2 cert) where T : X509Extension => cert.Extensions.OfType<T>().Single();

    private static bool PlatformVerifies(byte[] certDer, byte[] issuerDer)
    {
        using var issuer = X509CertificateLoader.LoadCertificate(issuerDer);
        using var key = issuer.GetECDsaPublicKey()!;
        // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
        var reader = new System.Formats.Asn1.AsnReader(certDer, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        byte[] tbs = reader.ReadEncodedValue().ToArray();
        reader.ReadSequence();
        byte[] sig = reader.ReadBitString(out _);
        return key.VerifyData(tbs, sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
