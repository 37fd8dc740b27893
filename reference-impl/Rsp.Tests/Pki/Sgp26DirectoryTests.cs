using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Rsp.Tests.Pki;

public sealed class Sgp26DirectoryTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pki-test-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private static readonly TestPkiOptions Options = new() { Seed = 7 };

    private void WriteFixture() => Sgp26Writer.Write(PkiFixture.Pki, _dir, Options);

    /// <summary>The SGP.26 names, written out here from the SGP.26 file list rather than taken from <see cref="Sgp26Layout"/>.</summary>
    [TestCase("CertificateIssuer/CERT_CI_ECDSA_NIST.der")]
    [TestCase("CertificateIssuer/CERT_CI_ECDSA_BRP.pem")]
    [TestCase("EUM/CERT_EUM_ECDSA_NIST.der")]
    [TestCase("EUM/SK_EUM_ECDSA_BRP.pem")]
    [TestCase("eUICC/CERT_EUICC_ECDSA_NIST.der")]
    [TestCase("eUICC/SK_EUICC_ECDSA_NIST.pem")]
    [TestCase("DPauth/CERT_S_SM_DPauth_ECDSA_NIST.der")]
    [TestCase("DPauth/SK_S_SM_DPauth_ECDSA_BRP.pem")]
    [TestCase("DPpb/CERT_S_SM_DPpb_ECDSA_BRP.der")]
    [TestCase("DPpb/SK_S_SM_DPpb_ECDSA_NIST.pem")]
    [TestCase("DPtls/CERT_S_SM_DP_TLS_NIST.der")]
    [TestCase("DPtls/CERT_S_SM_DP_TLS_BRP.pem")]
    [TestCase("DPtls/SK_S_SM_DP_TLS_NIST.pem")]
    [TestCase("ES2plus/CERT_OPERATOR_CLIENT_NIST.pem")]
    [TestCase("README.md")]
    public void Writes_the_sgp26_file_names(string relative)
    {
        WriteFixture();
        Assert.That(File.Exists(Path.Combine(_dir, relative)), Is.True, relative);
    }

    [Test]
    public void SmdpTrust_holds_the_certificates_an_smdp_must_trust_and_no_key()
    {
        WriteFixture();
        string trust = Path.Combine(_dir, "SmdpTrust");
        var files = Directory.EnumerateFiles(trust).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(new[]
        {
            "CERT_CI_ECDSA_BRP.der", "CERT_CI_ECDSA_BRP.pem", "CERT_CI_ECDSA_NIST.der", "CERT_CI_ECDSA_NIST.pem",
            "CERT_OPERATOR_CA_NIST.der", "CERT_OPERATOR_CA_NIST.pem",
        }));
        Assert.That(File.ReadAllBytes(Path.Combine(trust, "CERT_CI_ECDSA_NIST.der")), Is.EqualTo(File.ReadAllBytes(Path.Combine(_dir, "CertificateIssuer", "CERT_CI_ECDSA_NIST.der"))));
    }

    [Test]
    public void CurvesIn_names_the_curves_a_directory_holds_a_CI_for()
    {
        var nistOnly = Options with { Curves = [RspCurve.NistP256] };
        Sgp26Writer.Write(TestPkiGenerator.Generate(nistOnly), _dir, nistOnly);
        Assert.That(Sgp26Loader.CurvesIn(_dir), Is.EqualTo(new[] { RspCurve.NistP256 }));
        Assert.That(Sgp26Loader.CurvesIn(_dir + "-missing"), Is.Empty);
    }

    [Test]
    public void Readme_lists_every_certificate_file()
    {
        WriteFixture();
        string readme = File.ReadAllText(Path.Combine(_dir, "README.md"));
        var ders = Directory.EnumerateFiles(_dir, "*.der", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, f).Replace('\\', '/'));
        Assert.That(ders.Where(d => !readme.Contains($"`{d}`", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Same_seed_writes_byte_identical_files()
    {
        string other = _dir + "-b";
        try
        {
            Sgp26Writer.Write(TestPkiGenerator.Generate(Options), _dir, Options);
            Sgp26Writer.Write(TestPkiGenerator.Generate(Options), other, Options);
            var files = Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, f)).Order().ToList();
            Assert.That(files, Has.Count.GreaterThan(80));
            foreach (var f in files)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(other, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_dir, f))), f);
            }
        }
        finally
        {
            Directory.Delete(other, true);
        }
    }

    [Test]
    public void Round_trip_loads_every_item_and_the_chains_validate()
    {
        WriteFixture();
        var result = Sgp26Loader.Load(_dir);
        Assert.That(result.Success, Is.True, result.Describe());
        foreach (var curve in PkiFixture.Curves)
        {
            var loaded = result.Pki!.For(curve);
            foreach (var item in Enum.GetValues<PkiItem>())
            {
                Assert.That(loaded[item].Certificate.Der, Is.EqualTo(PkiFixture.Curve(curve)[item].Certificate.Der), $"{curve} {item}");
                Assert.That(loaded[item].PrivateKey!.D, Is.EqualTo(PkiFixture.Curve(curve)[item].PrivateKey!.D), $"{curve} {item} key");
            }
            Assert.That(loaded.Validator().ValidateEuiccChain(loaded.Euicc.Certificate.Der, loaded.Eum.Certificate.Der, PkiFixture.Now).IsValid);
        }
        Assert.That(result.Pki!.Operator!.Client.Der, Is.EqualTo(PkiFixture.Pki.Operator!.Client.Der));
    }

    [Test]
    public void Written_key_is_sec1_pem_that_the_platform_reads()
    {
        WriteFixture();
        string pem = File.ReadAllText(Path.Combine(_dir, "eUICC/SK_EUICC_ECDSA_BRP.pem"));
        Assert.That(pem, Does.StartWith("-----BEGIN EC PRIVATE KEY-----\n"));
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var d = ecdsa.ExportParameters(true).D!;
        Assert.That(new Org.BouncyCastle.Math.BigInteger(1, d), Is.EqualTo(PkiFixture.Curve(RspCurve.BrainpoolP256r1).Euicc.PrivateKey!.D));
    }

    [Test]
    public void Missing_certificate_is_reported_with_its_file_name()
    {
        WriteFixture();
        File.Delete(Path.Combine(_dir, "eUICC/CERT_EUICC_ECDSA_NIST.der"));
        File.Delete(Path.Combine(_dir, "eUICC/CERT_EUICC_ECDSA_NIST.pem"));
        var result = Sgp26Loader.Load(_dir);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Select(e => (e.File, e.Problem)),
            Is.EqualTo(new[] { ("eUICC/CERT_EUICC_ECDSA_NIST.der", PkiLoadProblem.FileMissing) }));
    }

    [Test]
    public void Der_missing_falls_back_to_pem()
    {
        WriteFixture();
        File.Delete(Path.Combine(_dir, "DPauth/CERT_S_SM_DPauth_ECDSA_NIST.der"));
        var result = Sgp26Loader.Load(_dir);
        Assert.That(result.Success, Is.True, result.Describe());
        Assert.That(result.Pki!.For(RspCurve.NistP256).DpAuth.Certificate.Der, Is.EqualTo(PkiFixture.Curve(RspCurve.NistP256).DpAuth.Certificate.Der));
    }

    [Test]
    public void Missing_required_key_is_reported_with_its_file_name()
    {
        WriteFixture();
        File.Delete(Path.Combine(_dir, "DPpb/SK_S_SM_DPpb_ECDSA_BRP.pem"));
        var result = Sgp26Loader.Load(_dir);
        Assert.That(result.Errors.Single().File, Is.EqualTo("DPpb/SK_S_SM_DPpb_ECDSA_BRP.pem"));
        Assert.That(result.Errors.Single().Problem, Is.EqualTo(PkiLoadProblem.FileMissing));
    }

    [Test]
    public void Missing_optional_key_loads_without_it()
    {
        WriteFixture();
        File.Delete(Path.Combine(_dir, "CertificateIssuer/SK_CI_ECDSA_NIST.pem"));
        var result = Sgp26Loader.Load(_dir);
        Assert.That(result.Success, Is.True, result.Describe());
        Assert.That(result.Pki!.For(RspCurve.NistP256).Ci.PrivateKey, Is.Null);
    }

    [Test]
    public void Malformed_certificate_is_reported_with_its_file_name()
    {
        WriteFixture();
        File.WriteAllBytes(Path.Combine(_dir, "EUM/CERT_EUM_ECDSA_BRP.der"), [0x30, 0x03, 0x02, 0x01]);
        var error = Sgp26Loader.Load(_dir).Errors.Single();
        Assert.That((error.File, error.Problem), Is.EqualTo(("EUM/CERT_EUM_ECDSA_BRP.der", PkiLoadProblem.MalformedCertificate)));
    }

    [Test]
    public void Malformed_key_is_reported_with_its_file_name()
    {
        WriteFixture();
        File.WriteAllText(Path.Combine(_dir, "eUICC/SK_EUICC_ECDSA_NIST.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        var error = Sgp26Loader.Load(_dir).Errors.Single();
        Assert.That((error.File, error.Problem), Is.EqualTo(("eUICC/SK_EUICC_ECDSA_NIST.pem", PkiLoadProblem.MalformedKey)));
    }

    [Test]
    public void Key_of_another_certificate_is_a_mismatch()
    {
        WriteFixture();
        File.Copy(Path.Combine(_dir, "EUM/SK_EUM_ECDSA_NIST.pem"), Path.Combine(_dir, "eUICC/SK_EUICC_ECDSA_NIST.pem"), true);
        var error = Sgp26Loader.Load(_dir).Errors.Single();
        Assert.That((error.File, error.Problem), Is.EqualTo(("eUICC/SK_EUICC_ECDSA_NIST.pem", PkiLoadProblem.KeyMismatch)));
    }

    [Test]
    public void Unreadable_file_is_reported_with_its_file_name()
    {
        WriteFixture();
        // A dangling symbolic link is listed like a file but cannot be read (works even for root, unlike chmod 000).
        string path = Path.Combine(_dir, "DPtls/CERT_S_SM_DP_TLS_NIST.der");
        File.Delete(path);
        File.CreateSymbolicLink(path, Path.Combine(_dir, "no-such-target.der"));
        var error = Sgp26Loader.Load(_dir).Errors.Single();
        Assert.That((error.File, error.Problem), Is.EqualTo(("DPtls/CERT_S_SM_DP_TLS_NIST.der", PkiLoadProblem.Unreadable)));
    }

    [Test]
    public void Missing_directory_is_one_clear_error()
    {
        var error = Sgp26Loader.Load(_dir).Errors.Single();
        Assert.That(error.Problem, Is.EqualTo(PkiLoadProblem.DirectoryMissing));
    }

    /// <summary>
    /// A directory shaped like GSMA's download: nested folders, certificates as PEM only, PKCS#8 and
    /// OpenSSL-style SEC1 keys (with an EC PARAMETERS block), no CI key, no negative variants, no operator files.
    /// </summary>
    [Test]
    public void Accepts_a_gsma_style_directory()
    {
        var pki = PkiFixture.Curve(RspCurve.NistP256);
        string root = Path.Combine(_dir, "SGP.26_v1.5_Certificates", "Valid");
        void Cert(string folder, string name, PkiItem item)
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            File.WriteAllText(Path.Combine(root, folder, name), PemCodec.Encode("CERTIFICATE", pki[item].Certificate.Der));
        }
        void Pkcs8Key(string folder, string name, PkiItem item)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(EcPrivateKeyCodec.ToSec1Pem(pki[item].PrivateKey!));
            File.WriteAllText(Path.Combine(root, folder, name), PemCodec.Encode("PRIVATE KEY", ecdsa.ExportPkcs8PrivateKey()));
        }
        Cert("CertificateIssuer", "CERT_CI_ECDSA_NIST.pem", PkiItem.Ci);
        Cert("EUM", "CERT_EUM_ECDSA_NIST.pem", PkiItem.Eum);
        Cert("eUICC", "CERT_EUICC_ECDSA_NIST.pem", PkiItem.Euicc);
        Cert("DPauth", "CERT_S_SM_DPauth_ECDSA_NIST.pem", PkiItem.DpAuth);
        Cert("DPpb", "CERT_S_SM_DPpb_ECDSA_NIST.pem", PkiItem.DpPb);
        Cert("DPtls", "CERT_S_SM_DP_TLS_NIST.pem", PkiItem.DpTls);
        Pkcs8Key("eUICC", "SK_EUICC_ECDSA_NIST.pem", PkiItem.Euicc);
        Pkcs8Key("DPauth", "SK_S_SM_DPauth_ECDSA_NIST.pem", PkiItem.DpAuth);
        Pkcs8Key("DPtls", "SK_S_SM_DP_TLS_NIST.pem", PkiItem.DpTls);
        File.WriteAllText(Path.Combine(root, "DPpb", "SK_S_SM_DPpb_ECDSA_NIST.pem"),
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + EcPrivateKeyCodec.ToSec1Pem(pki.DpPb.PrivateKey!));

        var result = Sgp26Loader.Load(_dir, new PkiLoadOptions { Curves = [RspCurve.NistP256] });
        Assert.That(result.Success, Is.True, result.Describe());
        var loaded = result.Pki!.For(RspCurve.NistP256);
        Assert.That(loaded.Items.Keys, Is.EquivalentTo(PkiItems.Core));
        Assert.That(loaded.DpPb.PrivateKey!.D, Is.EqualTo(pki.DpPb.PrivateKey!.D));
        Assert.That(loaded.DpAuth.PrivateKey!.D, Is.EqualTo(pki.DpAuth.PrivateKey!.D));
        Assert.That(result.Pki.Operator, Is.Null);
    }
}
