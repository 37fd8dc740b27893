using System.CommandLine;
using Conformance.Adapters.Bpp;
using Conformance.Cli.Commands.Bpp;
using Conformance.Rsp.Asn1.Printing;
using Conformance.Rsp.Crypto;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance bpp decrypt</c>: verifies every MAC of a bound profile package, decrypts it, reports every rule it
/// breaks and writes each part verified (ConfigureISDP, StoreMetadata, ReplaceSessionKeys, the profile package), one
/// file each; <c>./conformance bpp build</c> makes one with the reference builder.
/// </summary>
internal static class BppCommands
{
    public static Command Create()
    {
        var sEnc = KeyOption("--s-enc", "S-ENC, 16 bytes hex", required: true);
        var sMac = KeyOption("--s-mac", "S-MAC, 16 bytes hex", required: true);
        var mcv = KeyOption("--mcv", "initial MAC chaining value, 16 bytes hex", required: true);
        var ppkEnc = KeyOption("--ppk-enc", "PPK-ENC (default: the one the package's ReplaceSessionKeys carries)", required: false);
        var ppkMac = KeyOption("--ppk-mac", "PPK-MAC", required: false);
        var ppkMcv = KeyOption("--ppk-mcv", "PPK initial MAC chaining value", required: false);
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "output directory (default: FILE.decrypted)" };
        var file = new Argument<FileInfo>("FILE") { Description = "the BoundProfilePackage (BF36): binary DER, hex or base64" };
        var decrypt = new Command("decrypt", "Verify and decrypt a bound profile package, reporting every rule it breaks (exit 0: none, 1: some, 2: nothing decrypted).")
        {
            sEnc, sMac, mcv, ppkEnc, ppkMac, ppkMcv, outDir, file,
        };
        decrypt.SetAction((r, _) => CliRunner.Run(() => Task.FromResult(Decrypt(
            new SessionKeys(r.GetValue(sEnc)!, r.GetValue(sMac)!, r.GetValue(mcv)!),
            Ppk(r.GetValue(ppkEnc), r.GetValue(ppkMac), r.GetValue(ppkMcv)),
            r.GetValue(file)!, r.GetValue(outDir), Console.Out))));
        return new Command("bpp", "Bound profile package tools.") { decrypt, BppBuildCommand.Create() };
    }

    private static Option<byte[]> KeyOption(string name, string description, bool required) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = arg =>
        {
            string text = arg.Tokens.Count == 1 ? arg.Tokens[0].Value : "";
            if (text.Length != 32 || !text.All(Uri.IsHexDigit))
            {
                arg.AddError($"{name} must be 16 bytes as 32 hex digits, got '{text}'");
                return [];
            }
            return Convert.FromHexString(text);
        },
    };

    /// <summary>The PPK keys when all three are given; an option not given reads as null or, for System.CommandLine's arrays, empty.</summary>
    private static SessionKeys? Ppk(byte[]? enc, byte[]? mac, byte[]? mcv)
    {
        int given = (enc is null or [] ? 0 : 1) + (mac is null or [] ? 0 : 1) + (mcv is null or [] ? 0 : 1);
        if (given is not (0 or 3))
        {
            throw new CliError("--ppk-enc, --ppk-mac and --ppk-mcv go together: give all three or none");
        }
        return given == 0 ? null : new SessionKeys(enc!, mac!, mcv!);
    }

    /// <summary>
    /// Verifies and decrypts, reports every rule broken (SGP.22 §2.5.4, §2.5.5, §2.6.4, §5.5) and writes each part
    /// verified. Exit code 0 when no rule is broken, 1 when rules are broken but something was decrypted; nothing
    /// decrypted is a <see cref="CliError"/> (exit code 2).
    /// </summary>
    internal static int Decrypt(SessionKeys keys, SessionKeys? ppk, FileInfo file, DirectoryInfo? outDir, TextWriter stdout)
    {
        DecodeInput input = DecodeInput.Parse("@" + file.FullName, TextReader.Null);
        if (input.Der is null)
        {
            throw new CliError($"{file.Name} is not a DER bound profile package");
        }
        BppInspectionResult result = new BppInspection(keys, ppk).Inspect(input.Der, file.Name);
        foreach (string line in result.Log)
        {
            stdout.WriteLine(line);
        }
        if (result.DecryptedAnything)
        {
            string dir = outDir?.FullName ?? file.FullName + ".decrypted";
            Directory.CreateDirectory(dir);
            Write(dir, "configureIsdp.der", result.ConfigureIsdp, stdout);
            Write(dir, "storeMetadata.der", result.StoreMetadata, stdout);
            if (result.HasSecondSequenceOf87)
            {
                Write(dir, "replaceSessionKeys.der", result.ReplaceSessionKeys, stdout);
            }
            Write(dir, "profile.der", result.ProfilePackage, stdout);
        }
        if (result.StoreMetadata is not null)
        {
            stdout.WriteLine();
            stdout.Write(Decoder.Describe(result.StoreMetadata));
        }
        stdout.WriteLine();
        if (result.Violations.Count == 0)
        {
            stdout.WriteLine("no rule broken: every segment verified and decrypted");
            return 0;
        }
        stdout.WriteLine(FormattableString.Invariant($"{result.Violations.Count} rule(s) broken:"));
        foreach (BppViolation v in result.Violations)
        {
            stdout.WriteLine($"  {v.Message}");
        }
        if (!result.DecryptedAnything)
        {
            throw new CliError($"nothing could be decrypted: {result.Violations[0].Message}");
        }
        return 1;
    }

    private static void Write(string dir, string name, byte[]? data, TextWriter stdout)
    {
        if (data is null)
        {
            stdout.WriteLine($"not written: {name} (not verified)");
            return;
        }
        File.WriteAllBytes(Path.Combine(dir, name), data);
        stdout.WriteLine(FormattableString.Invariant($"wrote {Path.Combine(dir, name)} ({data.Length} bytes)"));
    }
}
