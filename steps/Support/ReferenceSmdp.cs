using System.Net;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;

namespace Conformance.Steps.Support;

/// <summary>
/// The bundled reference SM-DP+ of a run (a <see cref="BundledSmdp"/>): CERT.DPtls of the run's PKI, the operator CA
/// trusted for ES2+, an inventory of synthetic profiles, and HandleDownloadProgressInfo sent to the harness's
/// operator endpoint.
/// </summary>
public sealed class ReferenceSmdp : IAsyncDisposable
{
    public const string IccidPoolType = "Conformance-Gold";
    public const string TypeOrderPoolType = "Conformance-Silver";
    private const int IccidPoolSize = 400;
    private const int TypeOrderPoolSize = 30;

    private readonly BundledSmdp _smdp;

    private ReferenceSmdp(BundledSmdp smdp, ProfileInventory inventory)
    {
        _smdp = smdp;
        Inventory = inventory;
    }

    public SmdpServer Server => _smdp.Server;

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress => _smdp.BoundAddress;

    public IPEndPoint Endpoint => _smdp.Endpoint;

    /// <inheritdoc cref="BundledSmdp.BaseAddress"/>
    public Uri BaseAddress(string smdpAddress) => _smdp.BaseAddress(smdpAddress);

    public ProfileInventory Inventory { get; }

    public SmdpStore Store => _smdp.Store;

    /// <summary>
    /// A CI per curve the reference SM-DP+ trusts but holds no CERT.DPauth.ECDSA under (its own test PKI, seed 2):
    /// what SGP.23's InitiateAuthentication #06 offers to get 8.8.4 / 3.7.
    /// </summary>
    public static Lazy<IReadOnlyList<CurvePki>> CisWithoutDpAuth { get; } = new(() =>
        TestPkiGenerator.Generate(new TestPkiOptions { Seed = 2, IncludeNegativeVariants = false, IncludeOperator = false }).Curves);

    public static async Task<ReferenceSmdp> StartAsync(TargetConfig config, TestPki pki, Uri operatorCallback, CancellationToken ct = default) =>
        await StartAsync(config, pki, operatorCallback, new Dictionary<string, Uri>(), ct).ConfigureAwait(false);

    /// <summary>As above, with the ES12 endpoints of the SM-DS addresses an order may name (the run's SM-DS, the harness's own).</summary>
    public static async Task<ReferenceSmdp> StartAsync(TargetConfig config, TestPki pki, Uri operatorCallback, IReadOnlyDictionary<string, Uri> smdsEndpoints,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pki);
        OperatorPki op = pki.Operator ?? throw new ConfigException("Setting pki has no ES2plus operator CA: the reference SM-DP+ cannot authenticate the operator.");
        CurvePki tls = PkiMaterial.TlsCurve(pki);
        var options = new SmdpOptions
        {
            SmdpAddress = config.SmdpAddress,
            TlsCertificate = PkiMaterial.WithKey(tls.DpTls.Certificate, tls.DpTls.RequirePrivateKey()),
            OperatorClientCa = [PkiMaterial.Certificate(op.Ca)],
            OperatorCallbackUrl = operatorCallback,
            OperatorCallbackTimeout = config.Timeout,
            OperatorCallbackRetryDelay = TimeSpan.FromMilliseconds(200),
            Defects = config.SmdpDefects,
            Pki = pki,
            AdditionalTrustedCis = [.. CisWithoutDpAuth.Value.Select(c => c.Ci.Certificate)],
            SmdsEndpoints = smdsEndpoints,
            KnownSmDsAddresses = [.. new SmdpOptions().KnownSmDsAddresses, .. smdsEndpoints.Keys],
            Es12Timeout = config.Timeout,
        };
        var iccids = Enumerable.Range(1, IccidPoolSize).Select(i => Identifiers.InventoryIccid(1, i)).ToList();
        var typeOrders = Enumerable.Range(1, TypeOrderPoolSize).Select(i => Identifiers.InventoryIccid(2, i));
        IEnumerable<ProfileRecord> inventory =
            iccids.Select(i => BundledSmdp.SyntheticProfile(i, IccidPoolType, $"{IccidPoolType} {i[^4..]}", config.SmdpAddress))
            .Concat(typeOrders.Select(i => BundledSmdp.SyntheticProfile(i, TypeOrderPoolType, $"{TypeOrderPoolType} {i[^4..]}", config.SmdpAddress)));
        BundledSmdp smdp = await BundledSmdp.StartAsync("smdp", options, inventory, ct).ConfigureAwait(false);
        return new ReferenceSmdp(smdp, new ProfileInventory(iccids, IccidPoolType, TypeOrderPoolType));
    }

    public ValueTask DisposeAsync() => _smdp.DisposeAsync();
}
