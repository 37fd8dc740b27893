using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Es2Plus;
using Conformance.Reports.Allure;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support.Orders;

namespace Conformance.Steps.Support;

/// <summary>
/// Everything that lives for a whole run: the configuration, the PKI, the reference SM-DP+ (when it is
/// the target), the operator endpoint, the Allure results and the progress file. Built once by the
/// run hooks; scenarios get it by context injection.
/// </summary>
public sealed class HarnessRun : IAsyncDisposable
{
    private HarnessRun(TargetConfig config, AllureRun allure, TestPki pki, OperatorEndpoint operatorEndpoint)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        OrderSource = OrderSourceOf(config);
        Allure = allure;
        Pki = pki;
        Operator = operatorEndpoint;
    }

    public TargetConfig Config { get; }
    public AllureRun Allure { get; }
    public TestPki Pki { get; }
    public OperatorEndpoint Operator { get; }
    public ReferenceSmdp? Reference { get; private set; }

    /// <summary>The SM-DS of the run (bundled reference or remote), started before the SM-DP+.</summary>
    public RunSmds? Smds { get; private set; }

    /// <summary>The SM-DS the harness plays for the bundled SM-DP+'s ES12 calls (<see cref="Support.RecordingSmds.Address"/>), or null.</summary>
    public RecordingSmds? RecordingSmds { get; private set; }
    public ProfileInventory Inventory { get; private set; } = null!;

    /// <summary>
    /// Where the download scenarios' orders come from when the harness does not make them over ES2+ (the <c>orders</c>
    /// setting: a file, a command), else null.
    /// </summary>
    public IOrderSource? OrderSource { get; }

    /// <summary>The order source of <paramref name="config"/> (null: the harness orders over ES2+).</summary>
    /// <exception cref="ConfigException">The orders file is not a list of orders for the run's SM-DP+ address.</exception>
    public static IOrderSource? OrderSourceOf(TargetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.OrdersFile is { } file
            ? OrderBook.Load(file, config.SmdpAddress, OrdersLedger(config))
            : config.OrdersCommand is { } command ? new CommandOrders(command, config.SmdpAddress, config.Timeout) : null;
    }

    /// <summary>The ledger of the orders a file source has handed out: beside the run's output, kept across runs.</summary>
    public static string OrdersLedger(TargetConfig config) => Path.Combine(Path.GetFullPath(config.OutDirectory), "orders-used.txt");

    /// <summary>How the operator reaches the SM-DP+ over ES2+ (with the operator's own certificate).</summary>
    public Es2PlusClientOptions Es2Plus { get; private set; } = null!;

    /// <summary>A client certificate from a CA nobody trusts, for the refused-operator scenarios.</summary>
    public X509Certificate2 RogueOperatorCertificate { get; } = PkiMaterial.RogueOperatorCertificate();

    /// <summary>Where a line per finished scenario goes (CONFORMANCE_PROGRESS), or null.</summary>
    public string? ProgressFile { get; } = System.Environment.GetEnvironmentVariable("CONFORMANCE_PROGRESS") is { Length: > 0 } p ? p : null;

    public string ResultsDirectory => Path.Combine(Config.OutDirectory, "allure-results");

    /// <summary>
    /// "k/n" when this test host is host k of n sharing the run (CONFORMANCE_SHARD, set by ./conformance run with
    /// --jobs), else null. The hosts write into one allure-results folder, which the script has emptied.
    /// </summary>
    public static string? Shard { get; } = System.Environment.GetEnvironmentVariable("CONFORMANCE_SHARD") is { Length: > 0 } s ? s : null;

    /// <summary>True for the host that writes the run-wide Allure files (environment, categories, executor).</summary>
    public static bool WritesRunFiles => Shard is null || Shard.StartsWith("1/", StringComparison.Ordinal);

    public static async Task<HarnessRun> StartAsync(TargetConfig config, CancellationToken ct = default)
    {
        TestPki pki = LoadPki(config);
        // A shard must not clean: the other hosts are already writing their results there.
        var allure = new AllureRun(Path.Combine(config.OutDirectory, "allure-results"), clean: Shard is null);
        var run = new HarnessRun(config, allure, pki, new OperatorEndpoint());
        try
        {
            await run.ConnectAsync(ct).ConfigureAwait(false);
            return run;
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The generated test PKI (loopback names in CERT.DPtls), or the SGP.26-like directory of the configuration.</summary>
    /// <remarks>
    /// A directory is loaded for the sides the run plays: against a remote SM-DP+ the eUICC's (CI, EUM, eUICC); otherwise
    /// both, the bundled SM-DP+ serving with its DPauth, DPpb and CERT.DPtls (issued from the CI key when the set has none,
    /// as GSMA's SGP.26 set now has none). The negative variants SGP.23's sequences present are issued from the set's
    /// keys; what was added is said in <paramref name="notes"/>.
    /// </remarks>
    public static TestPki LoadPki(TargetConfig config, ICollection<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.PkiDirectory is null)
        {
            // Both curves always: the reference SM-DP+ presents the NIST CERT.DPtls (TLS stacks commonly refuse
            // brainpool certificates) even when --curve brp narrows the scenarios.
            return TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true, TlsHost = Host(config.SmdpAddress), SmdsTlsHost = Host(config.SmdsAddress) });
        }

        PkiSides sides = config.IsReference ? PkiSides.Both : PkiSides.Euicc;
        PkiLoadResult loaded = Sgp26Loader.Load(config.PkiDirectory, new PkiLoadOptions { Curves = config.Curves, Sides = sides });
        if (!loaded.Success)
        {
            throw new ConfigException($"Setting pki ('{config.PkiDirectory}') is not a usable SGP.26 directory: {loaded.Errors[0]}.");
        }
        (TestPki pki, IReadOnlyList<string> added) = TestPkiGenerator.Complete(loaded.Pki!, new PkiCompletionOptions
        {
            IssueTls = sides.HasFlag(PkiSides.Smdp),
            TlsHost = Host(config.SmdpAddress),
            LoopbackSans = true,
            IncludeOperator = config.IsReference,
            IssueSmds = config.IsSmdsReference,
            SmdsTlsHost = Host(config.SmdsAddress),
        });
        foreach (string note in added)
        {
            notes?.Add($"the PKI {config.PkiDirectory}: {note}");
        }
        if (sides.HasFlag(PkiSides.Smdp) && pki.Curves.FirstOrDefault(c => !c.Items.ContainsKey(PkiItem.DpTls)) is { } without)
        {
            throw new ConfigException($"Setting pki ('{config.PkiDirectory}') has no CERT.DP.TLS of {without.Curve.ShortName()} and no CI private key to issue one (CertificateIssuer/SK_CI_ECDSA_*.pem).");
        }
        return pki;
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        Smds = await RunSmds.StartAsync(Config, Pki, ct).ConfigureAwait(false);
        if (Config.IsReference)
        {
            // The bundled SM-DP+ reaches, over ES12, the run's SM-DS and the SM-DS the harness plays (SmdpEventDriver), both by
            // loopback URLs whose 127.0.0.1 CERT.DS.TLS names (SGP.22 §2.6.6).
            CurvePki tls = PkiMaterial.TlsCurve(Pki);
            if (tls.Items.TryGetValue(PkiItem.DsTls, out IssuedCertificate? dsTls) && dsTls.PrivateKey is { } dsKey)
            {
                RecordingSmds = await RecordingSmds.StartAsync(PkiMaterial.WithKey(dsTls.Certificate, dsKey)).ConfigureAwait(false);
            }

            var endpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase)
            {
                [Config.SmdsAddress] = Smds.Reference?.BoundAddress ?? Config.SmdsUrl!,
            };
            if (RecordingSmds is not null)
            {
                endpoints[Support.RecordingSmds.Address] = RecordingSmds.BoundAddress;
            }

            Reference = await ReferenceSmdp.StartAsync(Config, Pki, Operator.Url, endpoints, ct).ConfigureAwait(false);
            Inventory = Reference.Inventory;
            Es2Plus = new Es2PlusClientOptions
            {
                // The URL carries the SM-DP+ name (SNI, certificate name check); the socket goes to loopback.
                BaseAddress = Reference.BaseAddress(Config.SmdpAddress),
                ConnectTo = Reference.Endpoint,
                TrustedRoots = [PkiMaterial.Certificate(PkiMaterial.TlsCurve(Pki).Ci.Certificate)],
                ClientCertificate = OperatorCertificate(),
                AdminProtocol = Config.AdminProtocol,
                Timeout = Config.Timeout,
            };
            return;
        }

        Inventory = new ProfileInventory(Config.Iccids, Config.ProfileType ?? "");
        Es2Plus = new Es2PlusClientOptions
        {
            BaseAddress = Config.Es2PlusUrl ?? Config.SmdpUrl!,
            TlsName = Config.Es2TlsName,
            // One rule for ES2+ and ES9+: the --trust roots, else the run PKI's CIs (which issue CERT.DPtls, SGP.22 §4.5.2.1).
            TrustedRoots = Config.TrustPath is null ? [.. Pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate))] : PkiMaterial.Roots(Config.TrustPath),
            // With orders from a file or a command, ES2+ is only for the scenarios that test it; they are skipped without a certificate.
            ClientCertificate = Config.OrdersOverEs2Plus || Config.OperatorCertificatePath is not null || Pki.Operator?.ClientKey is not null ? OperatorCertificate() : null,
            AdminProtocol = Config.AdminProtocol,
            Timeout = Config.Timeout,
        };
    }

    private X509Certificate2 OperatorCertificate()
    {
        if (Config.OperatorCertificatePath is { } cert)
        {
            return PkiMaterial.FromPemFiles(cert, Config.OperatorKeyPath!);
        }

        OperatorPki op = Pki.Operator ?? throw new ConfigException(
            $"Setting {Settings.OperatorCertificate.Key} ({Settings.OperatorCertificate.Env}) is missing and the PKI has no ES2plus operator client certificate.");
        return PkiMaterial.WithKey(op.Client, op.ClientKey ?? throw new ConfigException(
            "Setting pki has an ES2plus operator client certificate without its private key (SK_OPERATOR_CLIENT_NIST.pem)."));
    }

    /// <summary>The Allure environment widget: targets, versions, PKI.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentProperties() => new Dictionary<string, string>
    {
        ["SM-DP+ target"] = Config.SmdpTarget,
        ["SM-DP+ address"] = Config.SmdpAddress,
        ["ES2+ URL"] = Es2Plus.BaseAddress.ToString(),
        ["X-Admin-Protocol"] = Config.AdminProtocol,
        ["eUICC target"] = Config.Euicc.ToString(),
        ["SM-DP+ optional features"] = (Config.SmdpOptions.Count == 0 ? "none declared" : string.Join(", ", Config.SmdpOptions.Order(StringComparer.Ordinal)))
            + (Config.TargetPath is { } declaration ? $" ({declaration})" : ""),
        ["SM-DS target"] = Config.SmdsTarget,
        ["SM-DS address"] = Config.SmdsAddress,
        ["ES9+ ASN.1 binding"] = Config.Asn1Binding ? "declared: the @asn1 scenarios run" : "not declared: the @asn1 scenarios are skipped",
        ["orders"] = OrderSource?.Name ?? "es2plus (the harness as operator)",
        ["defects switched on"] = Config.SmdpDefects.Count + Config.EuiccDefects.Count + Config.SmdsDefects.Count == 0 ? "none"
            : string.Join(", ", Config.SmdpDefects.Select(d => "SM-DP+ " + d).Concat(Config.EuiccDefects.Select(d => "eUICC " + d))
                .Concat(Config.SmdsDefects.Select(d => "SM-DS " + d))),
        ["curves"] = string.Join(", ", Config.Curves.Select(c => c.ShortName())),
        ["PKI"] = Config.PkiDirectory ?? "generated (TestPkiGenerator, seed 1, loopback SANs)",
        ["CI subjects"] = string.Join("; ", Pki.Curves.Select(c => $"{c.Curve.ShortName()}: {c.Ci.Certificate.Subject}")),
        ["operator endpoint"] = Operator.Url.ToString(),
        ["tags"] = RunSelection.Of(Config)?.ToTestFilter() ?? "(all)",
        ["test hosts"] = Shard?.Split('/')[1] ?? "1",
        ["harness version"] = typeof(HarnessRun).Assembly.GetName().Version?.ToString() ?? "?",
        ["BDD framework"] = BddFramework,
        [".NET"] = RuntimeInformation.FrameworkDescription,
        ["OS"] = RuntimeInformation.OSDescription,
    };

    /// <summary>"Reqnroll 3.3.4": the package version (the assembly version is only 3.0.0.0).</summary>
    public static string BddFramework
    {
        get
        {
            System.Reflection.Assembly reqnroll = typeof(ScenarioContext).Assembly;
            string? version = reqnroll.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0];
            return $"{reqnroll.GetName().Name} {version ?? reqnroll.GetName().Version?.ToString()}";
        }
    }

    private static string Host(string smdpAddress) => smdpAddress.Split(':')[0];

    public async ValueTask DisposeAsync()
    {
        if (Reference is not null)
        {
            await Reference.DisposeAsync().ConfigureAwait(false);
        }

        if (Smds is not null)
        {
            await Smds.DisposeAsync().ConfigureAwait(false);
        }

        if (RecordingSmds is not null)
        {
            await RecordingSmds.DisposeAsync().ConfigureAwait(false);
        }

        Operator.Dispose();
        RogueOperatorCertificate.Dispose();
    }
}
