using System.CommandLine;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Asn1.Printing;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Saip;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance bpp decrypt</c>: verifies every MAC of a bound profile package, decrypts it and writes
/// ConfigureISDP, StoreMetadata, ReplaceSessionKeys and the profile package, one file each.
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
        var decrypt = new Command("decrypt", "Verify every MAC of a bound profile package and decrypt it.")
        {
            sEnc, sMac, mcv, ppkEnc, ppkMac, ppkMcv, outDir, file,
        };
        decrypt.SetAction((r, _) => CliRunner.Run(() => Task.FromResult(Decrypt(
            new SessionKeys(r.GetValue(sEnc)!, r.GetValue(sMac)!, r.GetValue(mcv)!),
            Ppk(r.GetValue(ppkEnc), r.GetValue(ppkMac), r.GetValue(ppkMcv)),
            r.GetValue(file)!, r.GetValue(outDir), Console.Out))));
        return new Command("bpp", "Bound profile package tools.") { decrypt };
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

    internal static int Decrypt(SessionKeys keys, SessionKeys? ppk, FileInfo file, DirectoryInfo? outDir, TextWriter stdout)
    {
        DecodeInput input = DecodeInput.Parse("@" + file.FullName, TextReader.Null);
        if (input.Der is null)
        {
            throw new CliError($"{file.Name} is not a DER bound profile package");
        }
        BoundProfilePackage bpp;
        try
        {
            bpp = BoundProfilePackage.Decode(input.Der);
        }
        catch (Asn1DecodeException e)
        {
            throw new CliError($"{file.Name} is not a BoundProfilePackage: {e.Message}");
        }
        UnwrappedBpp plain;
        try
        {
            plain = BppUnwrapper.Unwrap(bpp, keys, ppk);
        }
        catch (BppUnwrapException e)
        {
            throw new CliError($"BSP verification failed at {e.Message}");
        }
        catch (Asn1DecodeException e)
        {
            throw new CliError($"ReplaceSessionKeys does not decode: {e.Message}");
        }
        string dir = outDir?.FullName ?? file.FullName + ".decrypted";
        Directory.CreateDirectory(dir);
        Write(dir, "configureIsdp.der", plain.ConfigureIsdp, stdout);
        Write(dir, "storeMetadata.der", plain.StoreMetadata, stdout);
        if (plain.ReplaceSessionKeys is not null)
        {
            Write(dir, "replaceSessionKeys.der", plain.ReplaceSessionKeys, stdout);
        }
        Write(dir, "profile.der", plain.ProfilePackage, stdout);
        stdout.WriteLine(FormattableString.Invariant($"{plain.Segments.Count} segments verified: {string.Join(", ", plain.Segments)}"));
        stdout.WriteLine();
        stdout.Write(Decoder.Describe(plain.StoreMetadata));
        ReportIccids(plain, stdout);
        return 0;
    }

    private static void Write(string dir, string name, byte[] data, TextWriter stdout)
    {
        File.WriteAllBytes(Path.Combine(dir, name), data);
        stdout.WriteLine(FormattableString.Invariant($"wrote {Path.Combine(dir, name)} ({data.Length} bytes)"));
    }

    /// <summary>Says whether the metadata's ICCID matches the profile header's (the eUICC's dataMismatch check).</summary>
    private static void ReportIccids(UnwrappedBpp plain, TextWriter stdout)
    {
        string metadata;
        string profile;
        try
        {
            metadata = StoreMetadataRequest.Decode(plain.StoreMetadata).Iccid.ToString();
            profile = ProfilePackage.Parse(plain.ProfilePackage).Iccid;
        }
        catch (Exception e) when (e is Asn1DecodeException or SaipException)
        {
            stdout.WriteLine($"could not compare ICCIDs: {e.Message}");
            return;
        }
        stdout.WriteLine(metadata == profile
            ? $"ICCID {metadata} in the metadata and the profile header"
            : $"ICCID MISMATCH: metadata {metadata}, profile header {profile}");
    }
}
