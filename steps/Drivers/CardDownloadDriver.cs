using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Steps.Drivers;

/// <summary>
/// A profile download into the eUICC under test (SGP.22 v2.5 §3.1.3), the harness playing the LPA
/// (<see cref="LpaDownload"/>) and the SM-DP+ (<see cref="ServerSideSmdp"/>). The SM-DP+ side must succeed at each
/// of its steps (it is the harness, not the system under test); the eUICC's answers are kept in
/// <see cref="EuiccDriver.Last"/> and <see cref="Result"/> for the Then steps.
/// </summary>
public sealed class CardDownloadDriver(EuiccDriver euicc, ServerSideSmdp smdp)
{
    private LpaDownload? _download;

    /// <summary>The profile of the download in progress.</summary>
    public ReleasedProfile? Profile { get; private set; }

    /// <summary>The LPA of the download in progress.</summary>
    public LpaDownload Lpa => _download ?? throw new InvalidOperationException("no download was started (a step releases a profile first)");

    /// <summary>The outcome of LoadBoundProfilePackage.</summary>
    public LoadBoundProfilePackageResult? Result { get; private set; }

    /// <summary>The euiccChallenge the eUICC gave in this download.</summary>
    public byte[]? EuiccChallenge => _download?.Session.EuiccChallenge;

    /// <summary>Releases a profile on the SM-DP+ for the eUICC and starts a download of it.</summary>
    public async Task StartAsync(int pprBits = 0, string? confirmationCode = null)
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        Profile = await smdp.ReleaseProfileAsync(await euicc.EidAsync().ConfigureAwait(false), pprBits, confirmationCode).ConfigureAwait(false);
        _download = smdp.Download(es10, Profile);
        Result = null;
        euicc.Installed("the download's profile", Profile.Iccid);
    }

    /// <summary>GetEUICCChallenge, GetEUICCInfo1, ES9+ InitiateAuthentication, then ES10b.AuthenticateServer (optionally altered).</summary>
    public async Task<AuthenticateServerResponse> AuthenticateAsync(Func<AuthenticateServerRequest, AuthenticateServerRequest>? alter = null)
    {
        if (_download is null)
        {
            await StartAsync().ConfigureAwait(false);
        }

        await Lpa.GetEuiccChallengeAndInfo1Async().ConfigureAwait(false);
        Server(await Lpa.InitiateAuthenticationAsync().ConfigureAwait(false));
        AuthenticateServerRequest request = Lpa.BuildAuthenticateServerRequest();
        AuthenticateServerResponse r = (await Lpa.AuthenticateServerAsync(alter is null ? request : alter(request)).ConfigureAwait(false)).Value;
        euicc.Last = r.AuthenticateResponseError is { } e
            ? CardOutcome.Of("AuthenticateServer", "§5.7.13", Situation, e.AuthenticateErrorCode)
            : CardOutcome.Named<AuthenticateErrorCode>("AuthenticateServer", "§5.7.13", Situation, "authenticateResponseOk");
        return r;
    }

    /// <summary>ES9+ AuthenticateClient, then ES10b.PrepareDownload (optionally without hashCc).</summary>
    public async Task<PrepareDownloadResponse> PrepareAsync(bool withoutHashCc = false)
    {
        AuthenticateServerResponse? auth = Lpa.Session.AuthenticateServerResult?.Value;
        if (auth?.AuthenticateResponseOk is null)
        {
            throw new AssertionException($"SGP.22 §5.7.13: AuthenticateServer must succeed before PrepareDownload, got {euicc.Last?.Display ?? "no answer"}");
        }

        Server(await Lpa.AuthenticateClientAsync().ConfigureAwait(false));
        PrepareDownloadRequest request = Lpa.BuildPrepareDownloadRequest();
        PrepareDownloadResponse r = (await Lpa.PrepareDownloadAsync(withoutHashCc ? request with { HashCc = null } : request).ConfigureAwait(false)).Value;
        euicc.Last = r.DownloadResponseError is { } e
            ? CardOutcome.Of("PrepareDownload", "§5.7.5", Situation, e.DownloadErrorCode)
            : CardOutcome.Named<DownloadErrorCode>("PrepareDownload", "§5.7.5", Situation, "downloadResponseOk");
        return r;
    }

    /// <summary>ES9+ GetBoundProfilePackage, then ES10b.LoadBoundProfilePackage (the STORE DATA sequences optionally altered by the LPA).</summary>
    public async Task<LoadBoundProfilePackageResult> LoadAsync(Func<IReadOnlyList<byte[]>, IReadOnlyList<byte[]>>? alter = null)
    {
        if (Lpa.Session.PrepareDownloadResult?.Value.DownloadResponseOk is null)
        {
            throw new AssertionException($"SGP.22 §5.7.5: PrepareDownload must succeed before LoadBoundProfilePackage, got {euicc.Last?.Display ?? "no answer"}");
        }

        Server(await Lpa.GetBoundProfilePackageAsync().ConfigureAwait(false));
        IReadOnlyList<byte[]> sequences = Lpa.Session.BoundProfilePackage!.ToLpaChunks();
        Result = await Lpa.LoadBoundProfilePackageAsync(alter is null ? sequences : alter(sequences)).ConfigureAwait(false);
        return Result;
    }

    /// <summary>The whole download; each eUICC step must succeed.</summary>
    public async Task DownloadAsync(int pprBits = 0)
    {
        await StartAsync(pprBits).ConfigureAwait(false);
        await AuthenticateAsync().ConfigureAwait(false);
        _ = await PrepareAsync().ConfigureAwait(false);
        LoadBoundProfilePackageResult r = await LoadAsync().ConfigureAwait(false);
        if (r.ProfileInstallationResult.ProfileInstallationResultData.ErrorResult is { } error)
        {
            throw new AssertionException($"SGP.22 §5.7.6: the eUICC must install a valid bound profile package, got errorResult {error.BppCommandId}/{error.ErrorReason}");
        }
    }

    /// <summary>Sends the pending notifications addressed to this SM-DP+ (ES9+ HandleNotification) and removes them from the eUICC.</summary>
    public Task<IReadOnlyList<NotificationDelivery>> DeliverNotificationsAsync() => Lpa.SendPendingNotificationsAsync();

    /// <summary>A DPauth certificate on a curve SGP.22 does not use, issued by the scenario's CI.</summary>
    public byte[] DpAuthOnUnsupportedCurve() => CardCertificates.DpAuthOnP384(smdp.CurvePki.Ci);

    private string Situation => smdp.Faults.Count == 0 ? "in a nominal download" : $"when the SM-DP+ sends {string.Join(", ", smdp.Faults)}";

    /// <summary>The SM-DP+ is the harness here: a failure on its side is a broken test, not a finding about the eUICC.</summary>
    private static void Server<T>(Es9Result<T> r) where T : class
    {
        if (!r.IsSuccess)
        {
            throw new InconclusiveException($"the harness's SM-DP+ could not play its part: {r.Function} answered {r}");
        }
    }

    /// <summary>The curve of the download.</summary>
    public RspCurve Curve => smdp.Curve;
}
