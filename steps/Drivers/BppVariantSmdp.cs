using System.Collections.Concurrent;
using System.Net;
using Conformance.Adapters.Es2Plus;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Conformance.Steps.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.Steps.Drivers;

/// <summary>How a variant of the bundled reference SM-DP+ binds profiles (SGP.22 v2.5 §2.5.4, §5.5).</summary>
public enum BppVariant
{
    /// <summary>ReplaceSessionKeys with PPK-ENC / PPK-MAC (§5.5.4) before the profile segments.</summary>
    ProfileProtectionKeys,

    /// <summary>StoreMetadata split over several '88' segments (§2.5.4).</summary>
    SplitMetadata,

    /// <summary>Both: StoreMetadata over several '88' segments and the profile under PPK-ENC / PPK-MAC.</summary>
    ProfileProtectionKeysSplitMetadata,
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

    private readonly BundledSmdp _smdp;
    private int _next;

    private BppVariantSmdp(BundledSmdp smdp, BppVariant variant)
    {
        _smdp = smdp;
        Variant = variant;
    }

    public SmdpServer Server => _smdp.Server;

    public BppVariant Variant { get; }

    /// <inheritdoc cref="BundledSmdp.BaseAddress"/>
    public Uri BaseAddress(string smdpAddress) => _smdp.BaseAddress(smdpAddress);

    public IPEndPoint Endpoint => _smdp.Endpoint;

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
        SmdpOptions options = reference.Server.Services.GetRequiredService<SmdpOptions>() with
        {
            UseProfileProtectionKeys = variant is BppVariant.ProfileProtectionKeys or BppVariant.ProfileProtectionKeysSplitMetadata,
            MetadataSegmentSize = variant is BppVariant.SplitMetadata or BppVariant.ProfileProtectionKeysSplitMetadata ? MetadataPiece : 1008,
        };
        IEnumerable<ProfileRecord> inventory = Enumerable.Range(1, PoolSize)
            .Select(i => Identifiers.InventoryIccid(3 + (int)variant, i))
            .Select(iccid => BundledSmdp.SyntheticProfile(iccid, "Conformance-Variant", $"Variant {variant} {iccid[^4..]}", run.Config.SmdpAddress));
        return new BppVariantSmdp(await BundledSmdp.StartAsync("smdp-variant", options, inventory).ConfigureAwait(false), variant);
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

    public ValueTask DisposeAsync() => _smdp.DisposeAsync();
}
