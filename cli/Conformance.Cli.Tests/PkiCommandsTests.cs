using System.CommandLine;
using Conformance.Cli.Commands;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Cli.Tests;

/// <summary>
/// <c>pki generate</c> / <c>pki check</c> run in-process: parse and invoke the System.CommandLine
/// command, then read the files back with the loader and validate the chains.
/// Console.Error is redirected (CliRunner writes there), so these tests do not run in parallel.
/// </summary>
[NonParallelizable]
public sealed class PkiCommandsTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "cli-pki-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private static async Task<(int ExitCode, string Out, string Err)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(PkiCommands.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var savedError = Console.Error;
        Console.SetError(error);
        try
        {
            int rc = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
            return (rc, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(savedError);
        }
    }

    [Test]
    public async Task Generate_both_curves_writes_a_loadable_pki_whose_chains_validate()
    {
        var (rc, output, err) = await Run("pki", "generate", "--out", _dir, "--seed", "5");
        Assert.That(rc, Is.EqualTo(0), err);
        Assert.That(output, Does.StartWith("wrote ").And.Contain("seed 5"));
        Assert.That(File.Exists(Path.Combine(_dir, "eUICC", "CERT_EUICC_ECDSA_NIST.der")), Is.True);
        Assert.That(File.Exists(Path.Combine(_dir, "DPtls", "SK_S_SM_DP_TLS_BRP.pem")), Is.True);

        var loaded = Sgp26Loader.Load(_dir);
        Assert.That(loaded.Success, Is.True, loaded.Describe());
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var curve in new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 })
        {
            var pki = loaded.Pki!.For(curve);
            var validator = pki.Validator();
            var euicc = validator.ValidateEuiccChain(pki.Euicc.Certificate.Der, pki.Eum.Certificate.Der, now);
            Assert.That(euicc.Eid, Is.EqualTo(TestPkiOptions.Sgp26Eid), euicc.ToString());
            foreach (var role in new[] { CertificateRole.DpAuth, CertificateRole.DpPb, CertificateRole.DpTls })
            {
                var item = role switch { CertificateRole.DpAuth => PkiItem.DpAuth, CertificateRole.DpPb => PkiItem.DpPb, _ => PkiItem.DpTls };
                Assert.That(validator.ValidateServerCertificate(role, pki[item].Certificate.Der, now).IsValid, Is.True, $"{curve} {role}");
            }
            Assert.That(validator.ValidateEuiccChain(pki[PkiItem.ExpiredEuicc].Certificate.Der, pki.Eum.Certificate.Der, now).Reason,
                Is.EqualTo(CertificateFailureReason.Expired));
        }
    }

    [Test]
    public async Task Generate_is_reproducible_for_the_same_seed()
    {
        await Run("pki", "generate", "--out", Path.Combine(_dir, "a"), "--seed", "9", "--curve", "nist");
        await Run("pki", "generate", "--out", Path.Combine(_dir, "b"), "--seed", "9", "--curve", "nist");
        foreach (var f in Directory.EnumerateFiles(Path.Combine(_dir, "a"), "*", SearchOption.AllDirectories))
        {
            string other = f.Replace(Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), StringComparison.Ordinal);
            Assert.That(await File.ReadAllBytesAsync(other), Is.EqualTo(await File.ReadAllBytesAsync(f)), f);
        }
    }

    [Test]
    public async Task Curve_brp_writes_only_brainpool_and_tls_host_is_used()
    {
        var (rc, _, err) = await Run("pki", "generate", "--out", _dir, "--curve", "BRP", "--tls-host", "smdp.example.org", "--loopback-sans");
        Assert.That(rc, Is.EqualTo(0), err);
        Assert.That(Directory.EnumerateFiles(_dir, "*NIST*", SearchOption.AllDirectories).Where(f => !f.Contains("OPERATOR", StringComparison.Ordinal)), Is.Empty);
        var loaded = Sgp26Loader.Load(_dir, new PkiLoadOptions { Curves = [RspCurve.BrainpoolP256r1] });
        Assert.That(loaded.Success, Is.True, loaded.Describe());
        using var tls = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(
            loaded.Pki!.For(RspCurve.BrainpoolP256r1).DpTls.Certificate.Der);
        var san = tls.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
        Assert.That(san.EnumerateDnsNames(), Is.EqualTo(new[] { "smdp.example.org", "localhost" }));
        Assert.That(san.EnumerateIPAddresses().Select(a => a.ToString()), Does.Contain("127.0.0.1"));
    }

    [Test]
    public async Task Bad_curve_name_is_one_line_and_exit_code_2()
    {
        var (rc, _, err) = await Run("pki", "generate", "--out", _dir, "--curve", "p384");
        Assert.That(rc, Is.EqualTo(2));
        Assert.That(err.TrimEnd(), Is.EqualTo("error: unknown curve 'p384': use nist, brp or both"));
        Assert.That(Directory.Exists(_dir), Is.False, "nothing written");
    }

    [Test]
    public async Task Unwritable_directory_is_one_line_and_exit_code_2()
    {
        // A path below a regular file cannot be created, whoever runs the test (root included).
        Directory.CreateDirectory(_dir);
        string file = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var (rc, _, err) = await Run("pki", "generate", "--out", Path.Combine(file, "pki"));
        Assert.That(rc, Is.EqualTo(2));
        Assert.That(err, Does.StartWith($"error: cannot write to {Path.Combine(file, "pki")}"));
        Assert.That(err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Check_says_per_role_what_is_missing_and_exits_1_when_no_side_can_be_driven()
    {
        await Run("pki", "generate", "--out", _dir, "--curve", "nist");
        File.Delete(Path.Combine(_dir, "EUM", "CERT_EUM_ECDSA_NIST.der"));
        File.Delete(Path.Combine(_dir, "EUM", "CERT_EUM_ECDSA_NIST.pem"));
        File.Delete(Path.Combine(_dir, "DPpb", "SK_S_SM_DPpb_ECDSA_NIST.pem"));
        var (rc, output, _) = await Run("pki", "check", "--dir", _dir, "--curve", "nist");
        Assert.That(rc, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("NIST EUM: absent"));
        Assert.That(output, Does.Contain("NIST DPpb: no private key"));
        Assert.That(output, Does.Contain("drives an SM-DP+ under test (the harness plays the eUICC): no"));
        Assert.That(output, Does.Contain("drives the bundled SM-DP+ (for eUICCs under test and the default run): no"));
    }

    [Test]
    public async Task Check_names_an_unreadable_file_with_exit_code_2()
    {
        await Run("pki", "generate", "--out", _dir, "--curve", "nist");
        await File.WriteAllTextAsync(Path.Combine(_dir, "eUICC", "SK_EUICC_ECDSA_NIST.pem"), "not a key");
        var (rc, _, err) = await Run("pki", "check", "--dir", _dir, "--curve", "nist");
        Assert.That(rc, Is.EqualTo(2));
        Assert.That(err, Does.Contain("eUICC/SK_EUICC_ECDSA_NIST.pem"));
    }

    [Test]
    public async Task Check_validates_a_generated_directory()
    {
        await Run("pki", "generate", "--out", _dir);
        var (rc, output, err) = await Run("pki", "check", "--dir", _dir);
        Assert.That(rc, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("NIST eUICC: EID 89049032123451234512345678901235; private key; chain eUICC-EUM-CI: valid"));
        Assert.That(output, Does.Contain("BRP DPtls: private key; valid"));
        Assert.That(output, Does.Contain("NIST negative variants: 17 of 17 in the directory"));
    }

    [Test]
    public async Task A_set_in_GSMAs_shape_drives_both_sides()
    {
        var (generated, _, genErr) = await Run("pki", "generate", "--out", _dir, "--shape", "gsma");
        Assert.That(generated, Is.EqualTo(0), genErr);
        var (rc, output, err) = await Run("pki", "check", "--dir", _dir);
        Assert.That(rc, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("NIST DPtls: absent; a bundled SM-DP+ issues one from SK.CI.ECDSA"));
        Assert.That(output, Does.Contain("drives an SM-DP+ under test (the harness plays the eUICC): yes"));
        Assert.That(output, Does.Contain("drives the bundled SM-DP+ (for eUICCs under test and the default run): yes"));
    }
}
