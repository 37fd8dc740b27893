using System.Collections.Concurrent;
using System.Net;
using Conformance.Adapters.Es2Plus;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Conformance.Steps.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.Steps.Drivers;

/// <summary>How a variant of the bundled reference SM-DP+ binds profiles (SGP.22 v2.5 §2.5.4, §5.5).</summary>
public enum BppVariant
{
    /// <summary>ReplaceSessionKeys with PPK-ENC / PPK-MAC (§5.5.4) before the profile segments.</summary>
    ProfileProtectionKeys,

    /// <summary>StoreMetadata split over several '88' segments (§2.5.4).</summary>
    SplitMetadata,
}

/// <summary>
/// A second bundled reference SM-DP+ (run-wide, started on first use) with the run's options, PKI, TLS certificate,
/// defects and SM-DP+ address, but binding profiles in one <see cref="BppVariant"/>: how the GetBoundProfilePackage
/// cases that need an SM-DP+ configured for PPKs or for split metadata run against the reference. Its own
/// inventory of synthetic profiles; orders placed on it over ES2+ with the run's operator credentials.
/// </summary>
public sealed class BppVariantSmdp : IAsyncDisposable
{
    private const int PoolSize = 60;
    private const int MetadataPiece = 48;
    private static readonly ConcurrentDictionary<BppVariant, Lazy<Task<BppVariantSmdp>>> Running = new();

    private readonly string _directory;
    private int _next;

    private BppVariantSmdp(SmdpServer server, Uri bound, string directory, BppVariant variant)
    {
        Server = server;
        Bound = bound;
        _directory = directory;
        Variant = variant;
    }

    public SmdpServer Server { get; }

    public BppVariant Variant { get; }

    private Uri Bound { get; }

    /// <summary>Where the LPA and the operator reach it: the SM-DP+ address's host name, connected to loopback.</summary>
    public Uri BaseAddress(string smdpAddress) => new($"https://{smdpAddress.Split(':')[0]}:{Bound.Port}/");

    public IPEndPoint Endpoint => new(IPAddress.Parse(Bound.Host), Bound.Port);

    /// <summary>The variant server of the run, started on first use.</summary>
    public static Task<BppVariantSmdp> GetAsync(HarnessRun run, BppVariant variant)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Running.GetOrAdd(variant, v => new Lazy<Task<BppVariantSmdp>>(() => StartAsync(run, v))).Value;
    }

    /// <summary>A profile of its inventory no scenario has used.</summary>
    public string TakeIccid() => Identifiers.InventoryIccid(3 + (int)Variant, Interlocked.Increment(ref _next));

    /// <summary>ES2+ to this server with the run's operator credentials.</summary>
    public Es2PlusClient Operator(HarnessRun run, ExchangeLog log)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new Es2PlusClient(run.Es2Plus with { BaseAddress = BaseAddress(run.Config.SmdpAddress), ConnectTo = Endpoint }, log);
    }

    private static async Task<BppVariantSmdp> StartAsync(HarnessRun run, BppVariant variant)
    {
        ReferenceSmdp reference = run.Reference ?? throw new InvalidOperationException("variants exist only for the bundled reference SM-DP+");
        string directory = Path.Combine(Path.GetTempPath(), "conformance-smdp-variant-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        SmdpOptions options = reference.Server.Services.GetRequiredService<SmdpOptions>() with
        {
            Port = 0,
            DatabasePath = Path.Combine(directory, "smdp.db"),
            UseProfileProtectionKeys = variant == BppVariant.ProfileProtectionKeys,
            MetadataSegmentSize = variant == BppVariant.SplitMetadata ? MetadataPiece : 1008,
        };
        var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        Uri bound = await server.StartAsync().ConfigureAwait(false);
        string notifications = ReferenceSmdp.NotificationConfiguration(run.Config.SmdpAddress);
        for (int i = 1; i <= PoolSize; i++)
        {
            string iccid = Identifiers.InventoryIccid(3 + (int)variant, i);
            await server.Store.AddProfileAsync(new ProfileRecord
            {
                Iccid = iccid,
                ProfileType = "Conformance-Variant",
                Upp = SyntheticProfile.Build(iccid, "Conformance-Variant", minimumSize: ReferenceSmdp.ProfileSize),
                ProfileName = $"Variant {variant} {iccid[^4..]}",
                ServiceProviderName = "Conformance Test Operator",
                NotificationConfigurationJson = notifications,
            }).ConfigureAwait(false);
        }
        return new BppVariantSmdp(server, bound, directory, variant);
    }

    /// <summary>Stops every variant server of the run (end of the run).</summary>
    public static async Task StopAllAsync()
    {
        foreach (Lazy<Task<BppVariantSmdp>> v in Running.Values)
        {
            await (await v.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        Running.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temporary directory (SQLite may still hold the file)
        }
    }
}
