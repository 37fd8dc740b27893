using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using R = Conformance.Rsp.Pki.CertificateFailureReason;

namespace Conformance.Rsp.Tests.Pki;

/// <summary>CERT.DSauth.ECDSA and CERT.DS.TLS of the test PKI (SGP.22 v2.5 §2.6, §4.5.2.1): policies, usages, files, loading.</summary>
public sealed class SmdsCertificateTests
{
    [TestCase(PkiItem.DsAuth, "2.23.146.1.2.1.7")]
    [TestCase(PkiItem.DsTls, "2.23.146.1.2.1.6")]
    public void Carries_its_sgp22_policy(PkiItem item, string policy)
    {
        foreach (RspCurve curve in PkiFixture.Curves)
        {
            RspCertificate cert = PkiFixture.Curve(curve)[item].Certificate;
            Assert.That(cert.Policies, Is.EqualTo(new[] { policy }), $"{curve}");
        }
    }

    [Test]
    public void DsAuth_is_not_a_dpauth_and_dpauth_is_not_a_dsauth()
    {
        CurvePki pki = PkiFixture.Curve(RspCurve.NistP256);
        Assert.That(pki.Validator().ValidateServerCertificate(CertificateRole.DpAuth, pki.DsAuth.Certificate.Der, PkiFixture.Now).Reason, Is.EqualTo(R.WrongPolicy));
        Assert.That(pki.Validator().ValidateServerCertificate(CertificateRole.DsAuth, pki.DpAuth.Certificate.Der, PkiFixture.Now).Reason, Is.EqualTo(R.WrongPolicy));
    }

    [Test]
    public void DsTls_without_serverAuth_is_refused()
    {
        CurvePki pki = PkiFixture.Curve(RspCurve.NistP256);
        // CERT.DSauth has no extendedKeyUsage: presented as CERT.DS.TLS it fails on usage before policy.
        Assert.That(pki.Validator().ValidateServerCertificate(CertificateRole.DsTls, pki.DsAuth.Certificate.Der, PkiFixture.Now).Reason, Is.EqualTo(R.WrongKeyUsage));
    }

    [Test]
    public void Loopback_sans_reach_the_ds_tls_certificate()
    {
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { Seed = 3, Curves = [RspCurve.NistP256], LoopbackSans = true, IncludeNegativeVariants = false });
        string subject = pki.For(RspCurve.NistP256).DsTls.Certificate.Subject.ToString();
        Assert.That(subject, Does.Contain(TestPkiOptions.TestSmdsHost));
        var x509 = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(pki.For(RspCurve.NistP256).DsTls.Certificate.Der);
        Assert.That(x509.MatchesHostname("127.0.0.1"), Is.True);
    }

    [TestCase(PkiItem.DsAuth, "DSauth/CERT_S_SM_DSauth_ECDSA_NIST.der", "DSauth/SK_S_SM_DSauth_ECDSA_NIST.pem")]
    [TestCase(PkiItem.DsTls, "DStls/CERT_S_SM_DS_TLS_NIST.der", "DStls/SK_S_SM_DS_TLS_NIST.pem")]
    [TestCase(PkiItem.DsAuthWrongPolicy, "Negative/CERT_S_SM_DSauth_ECDSA_NIST_WRONG_POLICY.der", "Negative/SK_S_SM_DSauth_ECDSA_NIST_WRONG_POLICY.pem")]
    [TestCase(PkiItem.DsAuthExpired, "Negative/CERT_S_SM_DSauth_ECDSA_NIST_EXPIRED.der", "Negative/SK_S_SM_DSauth_ECDSA_NIST_EXPIRED.pem")]
    public void Has_sgp26_style_file_names(PkiItem item, string certificate, string key)
    {
        Sgp26FileNames names = Sgp26Layout.For(item, RspCurve.NistP256);
        Assert.That((names.CertificateDer, names.KeyPem), Is.EqualTo((certificate, key)));
    }

    [Test]
    public void Written_and_loaded_back_with_their_keys_and_not_required_when_absent()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pki-ds-" + Guid.NewGuid().ToString("N"));
        try
        {
            Sgp26Writer.Write(PkiFixture.Pki, dir, new TestPkiOptions { Seed = 7 });
            PkiLoadResult loaded = Sgp26Loader.Load(dir);
            Assert.That(loaded.Success, Is.True, loaded.Describe());
            foreach (RspCurve curve in PkiFixture.Curves)
            {
                CurvePki c = loaded.Pki!.For(curve);
                Assert.That(c.DsAuth.Certificate.Der, Is.EqualTo(PkiFixture.Curve(curve).DsAuth.Certificate.Der));
                Assert.That(c.DsTls.PrivateKey!.D, Is.EqualTo(PkiFixture.Curve(curve).DsTls.PrivateKey!.D));
                Assert.That(c.Items.ContainsKey(PkiItem.DsAuthExpired), Is.True);
            }

            Directory.Delete(Path.Combine(dir, "DSauth"), true);
            Directory.Delete(Path.Combine(dir, "DStls"), true);
            PkiLoadResult without = Sgp26Loader.Load(dir);
            Assert.That(without.Success, Is.True, without.Describe());
            Assert.That(without.Pki!.For(RspCurve.NistP256).Items.ContainsKey(PkiItem.DsAuth), Is.False);

            var (completed, notes) = TestPkiGenerator.Complete(without.Pki, new PkiCompletionOptions { IssueSmds = true, DeriveNegatives = false });
            Assert.That(completed.For(RspCurve.NistP256).Validator().ValidateServerCertificate(CertificateRole.DsAuth,
                completed.For(RspCurve.NistP256).DsAuth.Certificate.Der, PkiFixture.Now).IsValid, Is.True);
            Assert.That(notes, Has.Some.Contains("CERT.DSauth"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
