using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Rsp.Tests.Pki;

/// <summary>
/// Issue #13 part 3: a PKI in the shape GSMA publishes SGP.26 v1 (written by <see cref="Sgp26Writer.WriteGsmaShape"/>,
/// with this harness's keys) loads for the side a run plays, is completed from its own keys (CERT.DPtls from SK.CI,
/// the negative variants from SK.EUM and SK.CI), and <see cref="PkiReport"/> says per role what it drives.
/// </summary>
public sealed class GsmaShapedPkiTests
{
    private string _dir = "";

    [SetUp]
    public void Write()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pki-gsma-" + Guid.NewGuid().ToString("N"));
        Sgp26Writer.WriteGsmaShape(PkiFixture.Pki, _dir, new TestPkiOptions { Seed = 7 });
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, true);

    [TestCase("DPtls/SK_S_SM_DP_TLS_NIST.pem")]
    [TestCase("DPtls/CSR_S_SM_DP_TLS_BRP.pem")]
    [TestCase("DPauth/CERT_S_SM_DP2auth_ECDSA_NIST.der")]
    [TestCase("DPpb/SK_S_SM_DP2pb_ECDSA_BRP.pem")]
    [TestCase("eUICC/PK_EUICC_ECDSA_NIST.pem")]
    [TestCase("CertificateIssuer/SK_CI_ECDSA_BRP.pem")]
    public void The_shape_has_GSMAs_files(string relative) => Assert.That(File.Exists(Path.Combine(_dir, relative)), Is.True, relative);

    [Test]
    public void The_shape_has_no_TLS_certificate_no_negatives_and_no_operator()
    {
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "DPtls"), "CERT_*.der"), Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(_dir, Sgp26Layout.NegativeFolder)), Is.False);
        Assert.That(Directory.Exists(Path.Combine(_dir, Sgp26Layout.OperatorFolder)), Is.False);
        // SK_ files start with an EC PARAMETERS block, as openssl ecparam -genkey writes them.
        Assert.That(File.ReadAllText(Path.Combine(_dir, "EUM", "SK_EUM_ECDSA_NIST.pem")), Does.StartWith("-----BEGIN EC PARAMETERS-----"));
    }

    [TestCase(PkiSides.Euicc)]
    [TestCase(PkiSides.Smdp)]
    [TestCase(PkiSides.Both)]
    public void It_loads_for_either_side_without_a_TLS_certificate(PkiSides sides)
    {
        PkiLoadResult result = Sgp26Loader.Load(_dir, new PkiLoadOptions { Sides = sides });
        Assert.That(result.Success, Is.True, result.Describe());
        Assert.That(result.Pki!.For(RspCurve.NistP256).Items.ContainsKey(PkiItem.DpTls), Is.False);
        Assert.That(result.Pki.For(RspCurve.NistP256).Euicc.PrivateKey!.D, Is.EqualTo(PkiFixture.Pki.For(RspCurve.NistP256).Euicc.PrivateKey!.D));
    }

    [Test]
    public void The_eUICC_side_needs_no_SMDP_files()
    {
        Directory.Delete(Path.Combine(_dir, "DPauth"), true);
        Directory.Delete(Path.Combine(_dir, "DPpb"), true);
        Assert.That(Sgp26Loader.Load(_dir, new PkiLoadOptions { Sides = PkiSides.Euicc }).Success, Is.True);
        PkiLoadResult smdp = Sgp26Loader.Load(_dir, new PkiLoadOptions { Sides = PkiSides.Smdp });
        Assert.That(smdp.Errors.Select(e => e.File), Does.Contain("DPauth/CERT_S_SM_DPauth_ECDSA_NIST.der"));
    }

    [Test]
    public void Completion_issues_CERT_DPtls_from_the_CI_and_every_negative_variant()
    {
        TestPki loaded = Sgp26Loader.Load(_dir).Pki!;
        (TestPki pki, IReadOnlyList<string> notes) = TestPkiGenerator.Complete(loaded, new PkiCompletionOptions { IssueTls = true, TlsHost = "smdp.example.com", IncludeOperator = true });
        foreach (CurvePki c in pki.Curves)
        {
            var validator = c.Validator();
            Assert.That(validator.ValidateServerCertificate(CertificateRole.DpTls, c.DpTls.Certificate.Der, PkiFixture.Now).IsValid, Is.True);
            Assert.That(c.Items.Keys, Is.EquivalentTo(Enum.GetValues<PkiItem>().Except(PkiItems.Smds)), "every negative variant is issued from the set's keys (the SM-DS's own certificates only when asked)");
            // The variants are what SGP.23 presents: under the loaded EUM and CI, expired where they should be.
            Assert.That(validator.ValidateEuiccChain(c[PkiItem.ExpiredEuicc].Certificate.Der, c.Eum.Certificate.Der, PkiFixture.Now).IsValid, Is.False);
            Assert.That(c[PkiItem.ExpiredEuicc].Certificate.Issuer.Equivalent(c.Eum.Certificate.Subject), Is.True);
            Assert.That(validator.ValidateEuiccChain(c[PkiItem.EuiccEidOutsideRange].Certificate.Der, c.Eum.Certificate.Der, PkiFixture.Now).IsValid, Is.False);
            Assert.That(validator.ValidateEuiccChain(c[PkiItem.EuiccSignedByOtherEum].Certificate.Der, c[PkiItem.OtherEum].Certificate.Der, PkiFixture.Now).IsValid, Is.True);
        }
        Assert.That(pki.Operator, Is.Not.Null);
        Assert.That(notes, Has.Some.Contains("CERT.DP.TLS absent, issued one for smdp.example.com"));
        Assert.That(notes, Has.Some.Contains("issued 17 negative certificate variant(s)"));
    }

    [Test]
    public void Without_the_CI_key_the_TLS_certificate_and_the_CI_issued_variants_cannot_be_made()
    {
        foreach (string key in Directory.GetFiles(Path.Combine(_dir, "CertificateIssuer"), "SK_*"))
        {
            File.Delete(key);
        }
        TestPki loaded = Sgp26Loader.Load(_dir).Pki!;
        (TestPki pki, IReadOnlyList<string> notes) = TestPkiGenerator.Complete(loaded, new PkiCompletionOptions { IssueTls = true });
        CurvePki nist = pki.For(RspCurve.NistP256);
        Assert.That(nist.Items.ContainsKey(PkiItem.DpTls), Is.False);
        Assert.That(nist.Items.ContainsKey(PkiItem.ExpiredEuicc), Is.True, "SK.EUM issues it");
        Assert.That(nist.Items.ContainsKey(PkiItem.OtherEum), Is.False, "only SK.CI could issue it");
        Assert.That(notes, Has.Some.Contains("neither CERT.DP.TLS nor SK.CI.ECDSA"));

        PkiReport report = PkiReport.Of(loaded, PkiFixture.Now);
        Assert.That((report.DrivesEuiccSide, report.DrivesSmdpSide), Is.EqualTo((true, false)));
        Assert.That(report.Lines, Has.Some.Contains("NIST DPtls: absent, and no SK.CI.ECDSA to issue one"));
    }

    [Test]
    public void The_report_says_both_sides_are_driven()
    {
        PkiReport report = PkiReport.Of(Sgp26Loader.Load(_dir).Pki!, PkiFixture.Now);
        Assert.That((report.DrivesEuiccSide, report.DrivesSmdpSide, report.InvalidChains), Is.EqualTo((true, true, 0)), string.Join('\n', report.Lines));
        Assert.That(report.Lines, Has.Some.Contains("NIST negative variants: 0 of 17 in the directory, 17 issued from its keys at run time"));
    }
}
