using System.CommandLine;

namespace Conformance.Cli.Tests;

/// <summary>
/// <see cref="CliApp.RunAsync"/> in-process: a wrong argument is one line on stderr and exit code 2 (issue #14), not
/// System.CommandLine's usage block; help still prints the help. <see cref="EveryCommandErrorTests"/> runs the same
/// through ./conformance. Console.Error is redirected (CliRunner writes there), so these tests do not run in parallel.
/// </summary>
[NonParallelizable]
public sealed class CliArgumentErrorTests
{
    private static async Task<(int ExitCode, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        TextWriter savedError = Console.Error;
        Console.SetError(error);
        try
        {
            int rc = await CliApp.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
            return (rc, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(savedError);
        }
    }

    [TestCase(new[] { "pki", "check", "--bogus" }, "error: unknown option '--bogus' for 'pki check': see ./conformance pki check --help")]
    [TestCase(new[] { "pki", "check", "--dir", "x", "extra" }, "error: unexpected argument 'extra' for 'pki check': see ./conformance pki check --help")]
    [TestCase(new[] { "pki" }, "error: 'pki' needs a command, one of generate, check: see ./conformance pki --help")]
    [TestCase(new[] { "pki", "generate" }, "error: pki generate: option '--out' is required; see ./conformance pki generate --help")]
    [TestCase(new[] { "pki", "generate", "--out", "x", "--seed", "x" }, "error: pki generate: 'x' is not a valid value for option '--seed'; see ./conformance pki generate --help")]
    [TestCase(new[] { "pki", "generate", "--out", "x", "--shape", "x" }, "error: pki generate: 'x' is not one of 'harness', 'gsma'; see ./conformance pki generate --help")]
    [TestCase(new[] { "decode" }, "error: decode: the argument <input> is missing; see ./conformance decode --help")]
    [TestCase(new[] { "pki", "generate", "--out" }, "error: pki generate: option '--out' needs a value; see ./conformance pki generate --help")]
    [TestCase(new[] { "decode", "--bogus" }, "error: unknown option '--bogus' for 'decode': see ./conformance decode --help")]
    [TestCase(new[] { "bpp", "decrypt", "--bogus" }, "error: unknown option '--bogus' for 'bpp decrypt': see ./conformance bpp decrypt --help")]
    [TestCase(new[] { "euicc", "serve", "--bogus" }, "error: unknown option '--bogus' for 'euicc serve': see ./conformance euicc serve --help")]
    [TestCase(new[] { "--bogus" }, "error: unknown option '--bogus': see ./conformance help")]
    public async Task AWrongArgumentIsOneLineAndExitCode2(string[] args, string expected)
    {
        var (rc, output, err) = await Run(args);
        Assert.That(rc, Is.EqualTo(2));
        Assert.That(err, Is.EqualTo(expected + Environment.NewLine));
        Assert.That(output, Is.Empty);
    }

    [TestCase("pki", "check")]
    [TestCase("decode")]
    [TestCase("bpp", "decrypt")]
    public async Task HelpIsHelpEvenWithoutTheRequiredArguments(params string[] command)
    {
        var (rc, output, err) = await Run([.. command, "--help"]);
        Assert.That(rc, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("Usage:"));
        Assert.That(err, Is.Empty);
    }

    /// <summary>The PPK options not given read as empty arrays: a package was never decrypted through the command line before.</summary>
    [Test]
    public async Task BppDecryptWithTheThreeSessionKeysReachesThePackage()
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "3000");
            string key = new('0', 32);
            var (rc, _, err) = await Run("bpp", "decrypt", "--s-enc", key, "--s-mac", key, "--mcv", key, file);
            Assert.That(rc, Is.EqualTo(2));
            Assert.That(err, Does.StartWith($"error: {Path.GetFileName(file)} is not a BoundProfilePackage"), "past the key options to the file");
            (rc, _, err) = await Run("bpp", "decrypt", "--s-enc", key, "--s-mac", key, "--mcv", key, "--ppk-enc", key, file);
            Assert.That(err, Is.EqualTo("error: --ppk-enc, --ppk-mac and --ppk-mcv go together: give all three or none" + Environment.NewLine));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
