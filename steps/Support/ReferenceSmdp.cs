using System.Net;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Steps.Support;

/// <summary>
/// The bundled reference SM-DP+ of a run: Kestrel on 127.0.0.1 (ephemeral port), CERT.DPtls of the run's
/// PKI, the operator CA trusted for ES2+, SQLite in a temporary directory, an inventory of synthetic
/// profiles, and HandleDownloadProgressInfo sent to the harness's operator endpoint.
/// </summary>
public sealed class ReferenceSmdp : IAsyncDisposable
{
    public const string IccidPoolType = "Conformance-Gold";
    public const string TypeOrderPoolType = "Conformance-Silver";
    private const int IccidPoolSize = 400;
    private const int TypeOrderPoolSize = 30;
    /// <summary>Size of the synthetic profiles: over three '86' segments.</summary>
    public const int ProfileSize = 3000;

    private readonly string _directory;

    private ReferenceSmdp(SmdpServer server, Uri boundAddress, string directory, ProfileInventory inventory)
    {
        Server = server;
        BoundAddress = boundAddress;
        _directory = directory;
        Inventory = inventory;
    }

    public SmdpServer Server { get; }

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress { get; }

    public IPEndPoint Endpoint => new(IPAddress.Parse(BoundAddress.Host), BoundAddress.Port);

    public ProfileInventory Inventory { get; }

    public SmdpStore Store => Server.Store;

    /// <summary>
    /// A CI per curve the reference SM-DP+ trusts but holds no CERT.DPauth.ECDSA under (its own test PKI, seed 2):
    /// what SGP.23's InitiateAuthentication #06 offers to get 8.8.4 / 3.7.
    /// </summary>
    public static Lazy<IReadOnlyList<CurvePki>> CisWithoutDpAuth { get; } = new(() =>
        TestPkiGenerator.Generate(new TestPkiOptions { Seed = 2, IncludeNegativeVariants = false, IncludeOperator = false }).Curves);

    public static async Task<ReferenceSmdp> StartAsync(TargetConfig config, TestPki pki, Uri operatorCallback, CancellationToken ct = default)
    {
        OperatorPki op = pki.Operator ?? throw new ConfigException("Setting pki has no ES2plus operator CA: the reference SM-DP+ cannot authenticate the operator.");
        CurvePki tls = PkiMaterial.TlsCurve(pki);
        string directory = Path.Combine(Path.GetTempPath(), "conformance-smdp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new SmdpOptions
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            SmdpAddress = config.SmdpAddress,
            TlsCertificate = PkiMaterial.WithKey(tls.DpTls.Certificate, tls.DpTls.RequirePrivateKey()),
            DatabasePath = Path.Combine(directory, "smdp.db"),
            OperatorClientCa = [PkiMaterial.Certificate(op.Ca)],
            OperatorCallbackUrl = operatorCallback,
            OperatorCallbackTimeout = config.Timeout,
            OperatorCallbackRetryDelay = TimeSpan.FromMilliseconds(200),
            Defects = config.SmdpDefects,
            Pki = pki,
            AdditionalTrustedCis = [.. CisWithoutDpAuth.Value.Select(c => c.Ci.Certificate)],
        };
        var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        Uri bound = await server.StartAsync(ct).ConfigureAwait(false);
        var iccids = Enumerable.Range(1, IccidPoolSize).Select(i => Identifiers.InventoryIccid(1, i)).ToList();
        await AddAsync(server.Store, iccids, IccidPoolType, config.SmdpAddress).ConfigureAwait(false);
        await AddAsync(server.Store, Enumerable.Range(1, TypeOrderPoolSize).Select(i => Identifiers.InventoryIccid(2, i)), TypeOrderPoolType, config.SmdpAddress).ConfigureAwait(false);
        return new ReferenceSmdp(server, bound, directory, new ProfileInventory(iccids, IccidPoolType, TypeOrderPoolType));
    }

    /// <summary>notificationConfigurationInfo of every inventory profile: enable, disable and delete notifications to <paramref name="smdpAddress"/>.</summary>
    public static string NotificationConfiguration(string smdpAddress) =>
        $$"""[{"operations":["enable","disable","delete"],"address":"{{smdpAddress}}"}]""";

    private static async Task AddAsync(SmdpStore store, IEnumerable<string> iccids, string profileType, string smdpAddress)
    {
        foreach (string iccid in iccids)
        {
            await store.AddProfileAsync(new ProfileRecord
            {
                Iccid = iccid,
                ProfileType = profileType,
                // Over three '86' segments, so that MAC chaining and block counters across segments are exercised (SGP.22 §2.6.4).
                Upp = SyntheticProfile.Build(iccid, profileType, minimumSize: ProfileSize),
                ProfileName = $"{profileType} {iccid[^4..]}",
                ServiceProviderName = "Conformance Test Operator",
                // The profile asks for enable, disable and delete notifications to this SM-DP+ (SGP.22 §4.4, notificationConfigurationInfo).
                NotificationConfigurationJson = NotificationConfiguration(smdpAddress),
            }).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temporary directory
        }
    }
}
