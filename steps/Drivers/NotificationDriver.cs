using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Notifications from the eUICC to the SM-DP+ (SGP.22 v2.5 §3.5, ES9+.HandleNotification §5.6.4, binding §6.5.2.9):
/// the ProfileInstallationResult of the download sent as it is, or forged for an unknown transactionId, and the
/// pending notifications of the eUICC delivered by the LPA (then removed from the eUICC). Keeps every answer.
/// </summary>
public sealed class NotificationDriver(Es9Driver es9, ExchangeLog log)
{
    /// <summary>The HandleNotification exchanges of the scenario, in order (from the scenario's exchange log, so that
    /// an answer the client refused, such as 200 with a body, is there too); over the ASN.1 binding, by their label.</summary>
    public IReadOnlyList<RecordedExchange> Answers =>
        log.All.Where(x => x.Url?.AbsolutePath.EndsWith("/handleNotification", StringComparison.Ordinal) == true
            || x.Label == Es9PlusAsn1Client.HandleNotificationLabel).ToList();

    /// <summary>The pending notifications the LPA delivered in its last round.</summary>
    public IReadOnlyList<NotificationDelivery> LastDeliveries { get; private set; } = [];

    /// <summary>Sends the ProfileInstallationResult of the download (as returned by LoadBoundProfilePackage).</summary>
    public Task SendProfileInstallationResultAsync() =>
        SendAsync(es9.Session.LoadResult?.Raw ?? throw new InvalidOperationException("no ProfileInstallationResult: the profile was not loaded"));

    /// <summary>Sends a ProfileInstallationResult like the download's, re-signed by the eUICC over an unknown transactionId.</summary>
    public async Task SendProfileInstallationResultOfUnknownSessionAsync()
    {
        DownloadEuicc euicc = await es9.EuiccAsync().ConfigureAwait(false);
        ProfileInstallationResultData data = es9.Session.LoadResult!.ProfileInstallationResult.ProfileInstallationResultData;
        ProfileInstallationResultData other = data with { TransactionId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16) };
        await SendAsync(new BppEuiccSigner(euicc.Pki.Euicc.RequirePrivateKey()).ProfileInstallationResult(other)).ConfigureAwait(false);
    }

    /// <summary>The LPA's round of notifications: retrieve, send each one for this SM-DP+, remove it on success.</summary>
    public async Task SendPendingAsync()
    {
        try
        {
            LastDeliveries = await es9.Es10Async("RetrieveNotificationsList, HandleNotification, RemoveNotificationFromList",
                () => es9.Download.SendPendingNotificationsAsync()).ConfigureAwait(false);
        }
        catch (RspTransportException)
        {
            // An answer the JSON binding does not allow (judged by the Then steps from the exchange log).
            LastDeliveries = [];
        }
    }

    /// <summary>The events of the notifications delivered in the last round (a ProfileInstallationResult is "install").</summary>
    public IEnumerable<NotificationEvent> DeliveredEvents() =>
        LastDeliveries.Where(d => d.Skipped is null).SelectMany(d => EventsOf(PendingNotification.Decode(d.PendingNotification)));

    /// <summary>The pending notifications the eUICC still holds for the SM-DP+ of the session.</summary>
    public async Task<IReadOnlyList<NotificationMetadata>> StillPendingAsync()
    {
        DownloadEuicc euicc = await es9.EuiccAsync().ConfigureAwait(false);
        var list = await es9.Es10Async("ListNotification", () => euicc.Es10.ListNotificationAsync()).ConfigureAwait(false);
        return (list.Value.NotificationMetadataList ?? [])
            .Where(m => string.Equals(m.NotificationAddress, es9.SmdpAddress, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private async Task SendAsync(byte[] pendingNotification)
    {
        await es9.CallAsync("HandleNotification", async _ =>
        {
            return await es9.Smdp.HandleNotificationAsync(new Es9HandleNotificationRequest(pendingNotification)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static IEnumerable<NotificationEvent> EventsOf(PendingNotification n)
    {
        NotificationMetadata meta = n.ProfileInstallationResult?.ProfileInstallationResultData.NotificationMetadata ?? n.OtherSignedNotification!.TbsOtherNotification;
        return Enum.GetValues<NotificationEvent>().Where(e => meta.ProfileManagementOperation.IsSet(e));
    }
}
