using System.CommandLine;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmDs;
using Conformance.SmDs.Hosting;
using Conformance.SmDs.Store;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>smds serve</c>: the reference SM-DS on loopback (ES12 for SM-DP+s with their TLS client certificate, ES11 for LPAs)
/// until SIGINT/SIGTERM. Without <c>--pki</c> it uses the deterministic generated test PKI (seed 1, loopback SANs), the
/// same as <c>smdp serve</c>'s, so a bundled SM-DP+ and SM-DS trust each other.
/// </summary>
internal static class SmdsCommands
{
    public static Command Create()
    {
        var smds = new Command("smds", "The reference SM-DS (SGP.22 ES11 and ES12).");
        smds.Subcommands.Add(Serve());
        return smds;
    }

    private static Command Serve()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1.", DefaultValueFactory = _ => 8444 };
        var pki = new Option<DirectoryInfo?>("--pki") { Description = "PKI directory laid out like SGP.26 (default: the generated test PKI, seed 1); CERT.DSauth / CERT.DS.TLS are issued from the CI key when absent." };
        var db = new Option<string>("--db") { Description = "SQLite database file (Event Records survive restarts).", DefaultValueFactory = _ => "smds.db" };
        var curve = new Option<string?>("--curve") { Description = "SM-DS credentials to load: nist, brp or both (default: the curves the PKI holds a CI for; both for the generated one)." };
        var address = new Option<string?>("--address") { Description = $"The SM-DS address ES11 answers to (default {SmdsOptions.DefaultAddress}, the reference eUICC's Root SM-DS address)." };
        var defects = new Option<string[]>("--defect")
        {
            Description = $"Switch on a named defect (repeatable), to prove a harness run catches it: {string.Join(", ", Enum.GetNames<SmdsDefect>())}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var serve = new Command("serve", "Run the reference SM-DS on loopback until stopped: Ctrl-C (SIGINT) or SIGTERM ends it cleanly, exit code 0.")
        {
            port, pki, db, curve, address, defects,
        };
        serve.SetAction((parse, ct) => CliRunner.Run(() => RunServe(parse.GetValue(port), parse.GetValue(pki), parse.GetValue(db)!, parse.GetValue(curve),
            parse.GetValue(address), ParseDefects(parse.GetValue(defects)), parse.InvocationConfiguration.Output, ct)));
        return serve;
    }

    private static async Task<int> RunServe(int port, DirectoryInfo? pkiDir, string db, string? curveArg, string? address,
        IReadOnlySet<SmdsDefect> defects, TextWriter output, CancellationToken ct)
    {
        if (port is < 0 or > 65535)
        {
            throw new CliError($"--port {port} is not a TCP port (0..65535).");
        }
        IReadOnlyList<RspCurve> curves = curveArg is not null ? PkiCommands.ParseCurves(curveArg)
            : pkiDir is null ? [RspCurve.NistP256, RspCurve.BrainpoolP256r1]
            : Sgp26Loader.CurvesIn(pkiDir.FullName) is { Count: > 0 } held ? held
            : throw new CliError($"{pkiDir.FullName} holds no CI certificate (CertificateIssuer/CERT_CI_ECDSA_NIST or _BRP, .der or .pem).");
        string smdsAddress = address ?? SmdsOptions.DefaultAddress;
        TestPki pki = LoadPki(pkiDir, curves, output);
        CurvePki tlsPki = pki.Curves.FirstOrDefault(c => c.Curve == RspCurve.NistP256 && c.Items.ContainsKey(PkiItem.DsTls))
            ?? pki.Curves.FirstOrDefault(c => c.Items.ContainsKey(PkiItem.DsTls))
            ?? throw new CliError("the PKI has no CERT.DS.TLS and no CI private key to issue one");
        var options = new SmdsOptions
        {
            Port = port,
            DatabasePath = db,
            SmdsAddress = smdsAddress,
            Pki = pki,
            TlsCertificate = CertificateWithKey.Of(tlsPki.DsTls),
            Defects = defects,
        };
        if (defects.Count > 0)
        {
            await output.WriteLineAsync($"smds: DEFECTS switched on (this server breaks SGP.22 on purpose): {string.Join(", ", defects)}");
        }
        await using var server = new SmdsServer(options);
        try
        {
            Uri url;
            try
            {
                url = await server.StartAsync(ct);
            }
            catch (SmdsStoreUnavailableException e)
            {
                throw new CliError(e.Message);
            }
            catch (IOException e)
            {
                throw new CliError($"cannot listen on 127.0.0.1:{port}: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                throw new CliError(e.Message);
            }
            await output.WriteLineAsync($"smds: listening on {url} as SM-DS address {smdsAddress} (curves {string.Join(", ", pki.Curves.Select(c => c.Curve.ShortName()))}, TLS {tlsPki.Curve.ShortName()})");
            await output.WriteLineAsync($"smds: ES12 {url}gsma/rsp2/es12/registerEvent and deleteEvent need an SM-DP+ client certificate (CERT.DP.TLS or CERT.DPauth); ES11 at {url}gsma/rsp2/es11/");
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        using (var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await server.StopAsync(budget.Token);
        }
        await output.WriteLineAsync("smds: stopped");
        return 0;
    }

    private static TestPki LoadPki(DirectoryInfo? dir, IReadOnlyList<RspCurve> curves, TextWriter output)
    {
        if (dir is null)
        {
            return TestPkiGenerator.Generate(new TestPkiOptions { Curves = curves, LoopbackSans = true, IncludeOperator = false });
        }
        PkiLoadResult result = Sgp26Loader.Load(dir.FullName, new PkiLoadOptions { Curves = curves, Sides = PkiSides.CiOnly });
        if (!result.Success)
        {
            throw new CliError(result.Describe());
        }
        (TestPki pki, IReadOnlyList<string> notes) = TestPkiGenerator.Complete(result.Pki!, new PkiCompletionOptions
        {
            IssueSmds = true, LoopbackSans = true, DeriveNegatives = false,
        });
        foreach (string note in notes)
        {
            output.WriteLine($"smds: {note}");
        }
        return pki;
    }

    private static HashSet<SmdsDefect> ParseDefects(string[]? names) =>
        [.. (names ?? []).Select(n => Enum.TryParse(n, ignoreCase: false, out SmdsDefect d) && Enum.IsDefined(d) ? d
            : throw new CliError($"unknown --defect '{n}': one of {string.Join(", ", Enum.GetNames<SmdsDefect>())}"))];
}
