using System.CommandLine;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance pki generate</c>: writes a deterministic test PKI in the SGP.26 layout
/// (<see cref="Sgp26Layout"/>); <c>./conformance pki check</c>: loads a PKI directory (ours or GSMA's
/// SGP.26 folder) and validates its chains.
/// </summary>
internal static class PkiCommands
{
    public static Command Create()
    {
        var pki = new Command("pki", "Test PKI: generate one in the SGP.26 layout, or check a PKI directory.");
        pki.Subcommands.Add(Generate());
        pki.Subcommands.Add(Check());
        return pki;
    }

    private static Command Generate()
    {
        var outDir = new Option<string>("--out") { Description = "Directory to write (created if needed).", Required = true };
        var curve = new Option<string>("--curve") { Description = "nist, brp or both.", DefaultValueFactory = _ => "both" };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed writes byte-identical files.", DefaultValueFactory = _ => 1 };
        var tlsHost = new Option<string>("--tls-host")
        {
            Description = "dNSName of CERT.DP.TLS.", DefaultValueFactory = _ => TestPkiOptions.Sgp26SmdpHost,
        };
        var loopback = new Option<bool>("--loopback-sans") { Description = "Also put localhost, 127.0.0.1 and ::1 in CERT.DP.TLS." };
        var shape = new Option<string>("--shape")
        {
            Description = "harness: this harness's layout (negative variants, ES2plus/, SmdpTrust/); gsma: the shape GSMA publishes SGP.26 v1 in "
                + "(.der certificates, SK_/PK_ key pairs, DP2 variants, DPtls/ with a key and CSR but no certificate).",
            DefaultValueFactory = _ => "harness",
        };
        shape.AcceptOnlyFromAmong("harness", "gsma");
        var command = new Command("generate", "Write CI, EUM, eUICC, DPauth, DPpb, DPtls (+ negative variants, ES2+ operator certificates) like SGP.26.")
        {
            outDir, curve, seed, tlsHost, loopback, shape,
        };
        command.SetAction((parse, _) => CliRunner.Run(async () =>
        {
            var options = new TestPkiOptions
            {
                Seed = parse.GetValue(seed),
                Curves = ParseCurves(parse.GetValue(curve)),
                TlsHost = ParseHost(parse.GetValue(tlsHost)),
                LoopbackSans = parse.GetValue(loopback),
            };
            string dir = parse.GetValue(outDir)!;
            var pkiSet = TestPkiGenerator.Generate(options);
            IReadOnlyList<string> files;
            try
            {
                files = parse.GetValue(shape) == "gsma" ? Sgp26Writer.WriteGsmaShape(pkiSet, dir, options) : Sgp26Writer.Write(pkiSet, dir, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"cannot write to {dir}: {e.Message}");
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"wrote {files.Count} files to {dir} (curves {string.Join(", ", options.Curves.Select(Sgp26Layout.CurveTag))}, seed {options.Seed}); see {Sgp26Layout.ReadmeFile}");
            return 0;
        }));
        return command;
    }

    private static Command Check()
    {
        var dir = new Option<string>("--dir") { Description = "PKI directory laid out like SGP.26 (this harness's, or GSMA's published set).", Required = true };
        var curve = new Option<string>("--curve") { Description = "nist, brp or both (default: the curves the directory holds a CI for)." };
        var command = new Command("check",
            "Report per role what a PKI directory holds and which targets it can drive (exit 0 when it drives at least one, 1 when none or a chain is invalid).")
        {
            dir, curve,
        };
        command.SetAction((parse, _) => CliRunner.Run(async () =>
        {
            string directory = parse.GetValue(dir)!;
            if (!Directory.Exists(directory))
            {
                throw new CliError($"--dir '{directory}' does not exist");
            }
            IReadOnlyList<RspCurve> curves = parse.GetValue(curve) is { } c ? ParseCurves(c)
                : Sgp26Loader.CurvesIn(directory) is { Count: > 0 } held ? held
                : throw new CliError($"{directory} holds no CI certificate (CertificateIssuer/CERT_CI_ECDSA_NIST or _BRP, .der or .pem)");
            // Only the CIs are required here: the report says what else is there.
            var result = Sgp26Loader.Load(directory, new PkiLoadOptions { Curves = curves, Sides = PkiSides.CiOnly });
            if (!result.Success)
            {
                throw new CliError(result.Describe());
            }
            var report = PkiReport.Of(result.Pki!, DateTimeOffset.UtcNow);
            var output = parse.InvocationConfiguration.Output;
            foreach (string line in report.Lines)
            {
                await output.WriteLineAsync(line);
            }
            return report.Usable && report.InvalidChains == 0 ? 0 : 1;
        }));
        return command;
    }

    /// <summary>nist | brp | both (case-insensitive); anything else is a user error.</summary>
    internal static IReadOnlyList<RspCurve> ParseCurves(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "nist" => [RspCurve.NistP256],
        "brp" => [RspCurve.BrainpoolP256r1],
        "both" => [RspCurve.NistP256, RspCurve.BrainpoolP256r1],
        _ => throw new CliError($"unknown curve '{value}': use nist, brp or both"),
    };

    private static string ParseHost(string? host) =>
        Uri.CheckHostName(host) == UriHostNameType.Dns ? host! : throw new CliError($"invalid --tls-host '{host}': expected a DNS name");
}
