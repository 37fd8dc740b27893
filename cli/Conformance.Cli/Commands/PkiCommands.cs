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
        var command = new Command("generate", "Write CI, EUM, eUICC, DPauth, DPpb, DPtls (+ negative variants, ES2+ operator certificates) like SGP.26.")
        {
            outDir, curve, seed, tlsHost, loopback,
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
                files = Sgp26Writer.Write(pkiSet, dir, options);
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
        var dir = new Option<string>("--dir") { Description = "PKI directory laid out like SGP.26.", Required = true };
        var curve = new Option<string>("--curve") { Description = "nist, brp or both.", DefaultValueFactory = _ => "both" };
        var command = new Command("check", "Load a PKI directory and validate its eUICC and SM-DP+ chains (exit 1 when a chain is invalid).") { dir, curve };
        command.SetAction((parse, _) => CliRunner.Run(async () =>
        {
            var result = Sgp26Loader.Load(parse.GetValue(dir)!, new PkiLoadOptions { Curves = ParseCurves(parse.GetValue(curve)) });
            if (!result.Success)
            {
                throw new CliError(result.Describe());
            }
            var output = parse.InvocationConfiguration.Output;
            var now = DateTimeOffset.UtcNow;
            int failures = 0;
            foreach (var c in result.Pki!.Curves)
            {
                var validator = c.Validator();
                var checks = new (string Name, CertificateValidationResult Result)[]
                {
                    ("eUICC chain", validator.ValidateEuiccChain(c.Euicc.Certificate.Der, c.Eum.Certificate.Der, now)),
                    ("DPauth", validator.ValidateServerCertificate(CertificateRole.DpAuth, c.DpAuth.Certificate.Der, now)),
                    ("DPpb", validator.ValidateServerCertificate(CertificateRole.DpPb, c.DpPb.Certificate.Der, now)),
                    ("DPtls", validator.ValidateServerCertificate(CertificateRole.DpTls, c.DpTls.Certificate.Der, now)),
                };
                foreach (var (name, r) in checks)
                {
                    failures += r.IsValid ? 0 : 1;
                    await output.WriteLineAsync($"{Sgp26Layout.CurveTag(c.Curve)} {name}: {r}");
                }
                await output.WriteLineAsync($"{Sgp26Layout.CurveTag(c.Curve)} CI PKId: {Convert.ToHexString(c.Ci.Certificate.SubjectKeyIdentifier ?? [])}");
            }
            return failures == 0 ? 0 : 1;
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
