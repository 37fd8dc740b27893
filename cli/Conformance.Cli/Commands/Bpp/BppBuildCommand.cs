using System.CommandLine;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.Cli.Commands.Bpp;

/// <summary>
/// <c>./conformance bpp build</c>: a bound profile package made by the reference SM-DP+'s BPP builder for a fresh
/// one-time eUICC key (SGP.22 v2.5 §2.5.4, §5.5), optionally with PPKs or with the named faults of the reference that
/// spoil a package; it prints the session keys and the <c>bpp decrypt</c> command that reads it.
/// </summary>
internal static class BppBuildCommand
{
    /// <summary>The faults of <see cref="SmdpFault"/> that act on the package itself.</summary>
    internal static readonly SmdpFault[] PackageFaults =
    [
        SmdpFault.CorruptedBppMac, SmdpFault.OversizedBppSegment, SmdpFault.ReorderedBppSegments, SmdpFault.RepeatedBppSegment,
        SmdpFault.MissingConfigureIsdp, SmdpFault.UnknownRemoteOpId, SmdpFault.UnsupportedCrtValues,
    ];

    private const string DefaultIccid = "89000123456789012341";

    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "where the package goes (binary DER)", Required = true };
        var curve = new Option<string>("--curve") { Description = "nist or brp: the curve of the one-time keys and of CERT.DPpb", DefaultValueFactory = _ => "nist" };
        var ppk = new Option<bool>("--ppk") { Description = "protect the profile with PPKs sent in ReplaceSessionKeys (SGP.22 §5.5.4)" };
        var profile = new Option<FileInfo?>("--profile") { Description = "the profile package (SAIP DER); default: a synthetic one of 5000 bytes" };
        var faults = new Option<string[]>("--fault")
        {
            Description = "a fault of the reference builder: " + string.Join(", ", PackageFaults),
            AllowMultipleArgumentsPerToken = false,
        };
        var segment = new Option<int>("--fault-segment") { Description = "the '86' segment (from 0) a segment fault acts on", DefaultValueFactory = _ => 1 };
        var build = new Command("build", "Build a bound profile package with the reference SM-DP+'s builder and print its keys.")
        {
            output, curve, ppk, profile, faults, segment,
        };
        build.SetAction((r, _) => CliRunner.Run(() => Task.FromResult(Build(r.GetValue(output)!, Curve(r.GetValue(curve)!), r.GetValue(ppk),
            r.GetValue(profile), Faults(r.GetValue(faults) ?? []), r.GetValue(segment), Console.Out))));
        return build;
    }

    internal static int Build(FileInfo output, RspCurve curve, bool ppk, FileInfo? profileFile, IReadOnlySet<SmdpFault> faults, int faultSegment, TextWriter stdout)
    {
        if (profileFile is { Exists: false })
        {
            throw new CliError($"no such file: {profileFile.FullName}");
        }
        byte[] upp = profileFile is null ? SyntheticProfile.Build(DefaultIccid, minimumSize: 5000) : File.ReadAllBytes(profileFile.FullName);
        string iccid;
        try
        {
            iccid = ProfilePackage.Parse(upp).Iccid;
        }
        catch (Exception e) when (e is SaipException or Rsp.Asn1.Asn1DecodeException)
        {
            throw new CliError($"{profileFile?.Name} is not a SAIP profile package: {e.Message}");
        }
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { Curves = [curve], IncludeNegativeVariants = false, IncludeOperator = false });
        var options = new SmdpOptions { UseProfileProtectionKeys = ppk, Faults = faults.ToHashSet(), FaultSegmentIndex = faultSegment };
        byte[] metadata = new StoreMetadataRequest(Iccid.FromString(iccid), "Conformance SP", "Profile").Encode();
        byte[] transactionId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        OneTimeKeyPair euicc = OneTimeKeyPair.Generate(curve);
        BppOutput built = new BppBuilder(options).Build(new BppInput(transactionId, curve, SigningCredential.From(pki.For(curve).DpPb)!,
            euicc.PublicPoint, Convert.FromHexString(TestPkiOptions.Sgp26Eid), metadata, upp));
        File.WriteAllBytes(output.FullName, built.BoundProfilePackage);
        byte[] k = built.SessionKeys; // initial MCV || S-ENC || S-MAC
        stdout.WriteLine($"wrote {output.FullName} ({built.BoundProfilePackage.Length} bytes): ICCID {iccid}, {curve}, "
            + (ppk ? "PPKs in ReplaceSessionKeys" : "no PPKs") + (faults.Count == 0 ? "" : ", faults " + string.Join(", ", faults)));
        if (built.Ppk is { } p)
        {
            stdout.WriteLine($"PPKs (in the package): --ppk-enc {Convert.ToHexString(p[16..32])} --ppk-mac {Convert.ToHexString(p[32..48])} --ppk-mcv {Convert.ToHexString(p[..16])}");
        }
        stdout.WriteLine($"./conformance bpp decrypt --s-enc {Convert.ToHexString(k[16..32])} --s-mac {Convert.ToHexString(k[32..48])} --mcv {Convert.ToHexString(k[..16])} {output.FullName}");
        return 0;
    }

    private static RspCurve Curve(string name) => name switch
    {
        "nist" => RspCurve.NistP256,
        "brp" => RspCurve.BrainpoolP256r1,
        _ => throw new CliError($"unknown curve '{name}': nist or brp"),
    };

    private static HashSet<SmdpFault> Faults(string[] names) => names.Select(n =>
        Enum.TryParse(n, ignoreCase: true, out SmdpFault f) && PackageFaults.Contains(f)
            ? f
            : throw new CliError($"unknown fault '{n}': one of {string.Join(", ", PackageFaults)}")).ToHashSet();
}
