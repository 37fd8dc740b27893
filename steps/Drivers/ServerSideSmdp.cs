using System.Globalization;
using System.Security.Cryptography;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>What one profile released for the eUICC looks like on the SM-DP+ side.</summary>
public sealed record ReleasedProfile(string Iccid, string MatchingId, string? ConfirmationCode);

/// <summary>
/// The SM-DP+ side of the eUICC scenarios, played by the harness with the reference SM-DP+ (Kestrel on loopback,
/// started on first use with the scenario's <see cref="SmdpFault"/>s): CERT.DPauth / CERT.DPpb of the run's PKI
/// on the scenario's curve (so they chain to a CI the card trusts), an inventory holding only the profiles the
/// scenario releases for the eUICC (fresh ICCIDs, so a card that keeps its state across scenarios never meets
/// one twice), ES9+ reached by the harness LPA over HTTPS and recorded in <see cref="EuiccTrace"/>.
/// </summary>
public sealed class ServerSideSmdp(HarnessRun run, EuiccTrace trace, ScenarioContext scenario, FeatureContext feature) : IAsyncDisposable
{
    private const string ProfileType = "Conformance-eUICC";
    private BundledSmdp? _smdp;
    private RspHttpTransport? _http;
    private IEs9PlusClient? _client;

    /// <summary>Faults the server will inject (set before the first download).</summary>
    public HashSet<SmdpFault> Faults { get; } = [];

    /// <summary>Protect profiles with profile protection keys (ReplaceSessionKeys in the BPP).</summary>
    public bool UseProfileProtectionKeys { get; set; }

    /// <summary>The '86' segment a segment fault acts on.</summary>
    public int FaultSegmentIndex { get; set; } = 1;

    /// <summary>The SM-DP+ address of the scenario (the one of the run's configuration).</summary>
    public string Address => run.Config.SmdpAddress;

    /// <summary>The curve of the scenario: @brp, @nist, or the run's first curve.</summary>
    public RspCurve Curve => ScenarioCurve.Of(feature, scenario, run.Config);

    /// <summary>The PKI of the scenario's curve.</summary>
    public CurvePki CurvePki => run.Pki.For(Curve);

    public bool Started => _smdp is not null;

    /// <summary>
    /// Puts a new profile (synthetic SAIP, a few '86' segments long) with a released order for <paramref name="eid"/>
    /// in the inventory, with the given PPR bits and confirmation code, its notifications addressed to this SM-DP+.
    /// </summary>
    public async Task<ReleasedProfile> ReleaseProfileAsync(string eid, int pprBits = 0, string? confirmationCode = null)
    {
        SmdpServer server = await StartAsync().ConfigureAwait(false);
        string iccid = NewIccid();
        string matchingId = Identifiers.NewMatchingId();
        await server.Store.AddProfileAsync(BundledSmdp.SyntheticProfile(iccid, ProfileType, $"eUICC test {iccid[^4..]}", Address,
            notifications: "\"install\",\"enable\",\"disable\",\"delete\"") with
        {
            State = SmdpProfileState.Released,
            ProfileClass = (int)Rsp.StatusCodes.ProfileClass.operational,
            ProfilePolicyRules = pprBits == 0 ? null : pprBits,
        }).ConfigureAwait(false);
        await using (StoreTransaction tx = await server.Store.BeginAsync().ConfigureAwait(false))
        {
            await tx.SaveOrderAsync(new OrderRecord
            {
                Iccid = iccid,
                Eid = eid,
                MatchingId = matchingId,
                ConfirmationCodeHash = confirmationCode is null ? null : Es2PlusFunctions.HashConfirmationCode(confirmationCode),
                ReleaseFlag = true,
                ConfirmationCodeAttemptsLeft = 3,
                DownloadAttemptsLeft = 3,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            }).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
        }

        return new ReleasedProfile(iccid, matchingId, confirmationCode);
    }

    /// <summary>The harness LPA for a download of <paramref name="profile"/> into the card behind <paramref name="euicc"/>.</summary>
    public LpaDownload Download(Es10Client euicc, ReleasedProfile profile) =>
        LpaDownload.FromActivationCode(euicc, _client ?? throw new InvalidOperationException("the SM-DP+ is not started"),
            new ActivationCode(Address, profile.MatchingId), Device, profile.ConfirmationCode);

    /// <summary>DeviceInfo of the harness LPA (ctxParams1).</summary>
    public static DeviceInfo Device { get; } = new(Convert.FromHexString("35290611"), new DeviceCapabilities
    {
        GsmSupportedRelease = new VersionType(15, 0, 0),
        EutranEpcSupportedRelease = new VersionType(15, 0, 0),
    });

    private async Task<SmdpServer> StartAsync()
    {
        if (_smdp is not null)
        {
            return _smdp.Server;
        }

        CurvePki tls = PkiMaterial.TlsCurve(run.Pki);
        var options = new SmdpOptions
        {
            SmdpAddress = Address,
            TlsCertificate = PkiMaterial.WithKey(tls.DpTls.Certificate, tls.DpTls.RequirePrivateKey()),
            Pki = new TestPki([CurvePki], run.Pki.Operator),
            Faults = Faults,
            FaultSegmentIndex = FaultSegmentIndex,
            UseProfileProtectionKeys = UseProfileProtectionKeys,
        };
        // The inventory holds only what the scenario releases (ReleaseProfileAsync).
        BundledSmdp smdp = _smdp = await BundledSmdp.StartAsync("euicc-smdp", options, []).ConfigureAwait(false);
        _http = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions
        {
            BaseAddress = smdp.BaseAddress(Address),
            ConnectTo = smdp.Endpoint,
            TrustedRoots = [PkiMaterial.Certificate(tls.Ci.Certificate)],
            Timeout = run.Config.Timeout,
        }, trace);
        _client = Es9PlusClient.Create(_http);
        return smdp.Server;
    }

    /// <summary>An ICCID of the harness's own range (89 990 9...) with a random serial, so a card never holds it already.</summary>
    private static string NewIccid() => Identifiers.IccidWithLuhn(string.Create(CultureInfo.InvariantCulture,
        $"899909{RandomNumberGenerator.GetInt32(1_000_000):000000}{RandomNumberGenerator.GetInt32(1_000_000):000000}"));

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_smdp is not null)
        {
            await _smdp.DisposeAsync().ConfigureAwait(false);
        }
    }
}
