using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Lpa;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Benchmarks.Download;

/// <summary>
/// One lane of the download benchmark: an emulated eUICC (<see cref="Es10Handler"/> behind the ISD-R APDU front
/// end, state in memory) with its own EID and CERT.EUICC.ECDSA under the test EUM, reached by the harness LPA
/// (<see cref="Es10Client"/> over <see cref="InProcessApduTransport"/>, <see cref="LpaDownload"/>) as the
/// end-to-end tests wire it.
/// </summary>
internal sealed class BenchCard : IAsyncDisposable
{
    private static readonly DeviceInfo Device = new(Convert.FromHexString("35290611"), new DeviceCapabilities());

    private readonly Es10Handler _handler;
    private readonly InProcessApduTransport _transport;
    private readonly Es10Client _euicc;
    private readonly int _lane;
    private int _next;

    private BenchCard(int lane, Es10Handler handler, InProcessApduTransport transport, Es10Client euicc)
    {
        _lane = lane;
        _handler = handler;
        _transport = transport;
        _euicc = euicc;
    }

    /// <summary>The card of lane <paramref name="lane"/>, holding credentials of the curve of <paramref name="pki"/> only.</summary>
    public static async Task<BenchCard> CreateAsync(CurvePki pki, int lane)
    {
        string eid = BenchLanes.Eid(lane);
        var key = SeededKeys.Derive(99, pki.Curve, "bench-euicc-" + lane);
        RspCertificate cert = RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc(new TestPkiOptions().EidRange.Organization, eid, 0x6000 + lane),
            SeededKeys.PublicOf(key), pki.Eum.Certificate, pki.Eum.RequirePrivateKey());
        var items = new Dictionary<PkiItem, IssuedCertificate>(pki.Items) { [PkiItem.Euicc] = new IssuedCertificate(PkiItem.Euicc, cert, key) };
        var identity = EuiccIdentity.FromPki(new TestPki([new CurvePki(pki.Curve, items)], null));
        var handler = new Es10Handler(identity, new EuiccOptions());
        var transport = new InProcessApduTransport(new IsdrFrontEnd(handler));
        Es10Client euicc = await Es10Client.OpenAsync(transport, NullExchangeRecorder.Instance).ConfigureAwait(false);
        return new BenchCard(lane, handler, transport, euicc);
    }

    /// <summary>
    /// Downloads the lane's next ordered profile: every LPA step (InitiateAuthentication to HandleNotification) and
    /// checks that the card installed it and the SM-DP+ took the installation result. Null on success, else why not.
    /// </summary>
    public async Task<string?> DownloadNextAsync(IEs9PlusClient smdp, CancellationToken ct)
    {
        string matchingId = BenchLanes.MatchingId(_lane, _next++);
        var code = ActivationCode.Parse($"LPA:1${TestPkiOptions.Sgp26SmdpHost}${matchingId}");
        try
        {
            LpaSession s = await LpaDownload.FromActivationCode(_euicc, smdp, code, Device).RunAsync(ct).ConfigureAwait(false);
            if (s.LoadResult?.ProfileInstallationResult.ProfileInstallationResultData.SuccessResult is null)
            {
                return $"{matchingId}: the eUICC did not install the profile";
            }
            return s.Notifications.Count == 1 && s.Notifications[0].HandleNotification?.IsSuccess == true
                ? null
                : $"{matchingId}: the installation result was not delivered ({s.Notifications.Count} notification(s))";
        }
        catch (Exception e) when (e is LpaStepException or Es10Exception or RspTransportException)
        {
            return $"{matchingId}: {e.Message}";
        }
    }

    /// <summary>
    /// Deletes the profiles the lane installed (ES10c.eUICCMemoryReset, SGP.22 §5.7.19), between measured rounds: a card
    /// keeps its profiles in a list, so without it each round would find the card fuller and slower than the one before.
    /// </summary>
    public async Task EmptyAsync(CancellationToken ct)
    {
        EuiccMemoryResetResult result = (await _euicc.EuiccMemoryResetAsync(NamedBitList.Of(ResetOption.deleteOperationalProfiles), ct).ConfigureAwait(false)).Value;
        if (result != EuiccMemoryResetResult.ok)
        {
            throw new InvalidOperationException($"lane {_lane}: eUICCMemoryReset answered {result}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _euicc.Session.DisposeAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _handler.Dispose();
    }
}
