using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es10;

// ES10b: profile download, notifications, CRL, RSP session (SGP.22 v2.5 §5.7.5–§5.7.14, §5.7.22).
public sealed partial class Es10Client
{
    /// <summary>ES10b.GetEUICCChallenge (SGP.22 §5.7.7): 'BF2E', the 16-byte euiccChallenge.</summary>
    public Task<Es10Response<GetEuiccChallengeResponse>> GetEuiccChallengeAsync(CancellationToken ct = default) =>
        CallAsync("ES10b GetEUICCChallenge", new GetEuiccChallengeRequest().Encode(),
            GetEuiccChallengeResponse.TypeName, d => GetEuiccChallengeResponse.Decode(d), ct);

    /// <summary>ES10b.GetEUICCInfo (SGP.22 §5.7.8) for EUICCInfo1: 'BF20'.</summary>
    public Task<Es10Response<EUICCInfo1>> GetEuiccInfo1Async(CancellationToken ct = default) =>
        CallAsync("ES10b GetEUICCInfo (EUICCInfo1)", new GetEuiccInfo1Request().Encode(), EUICCInfo1.TypeName, d => EUICCInfo1.Decode(d), ct);

    /// <summary>ES10b.GetEUICCInfo (SGP.22 §5.7.8) for EUICCInfo2: 'BF22'.</summary>
    public Task<Es10Response<EUICCInfo2>> GetEuiccInfo2Async(CancellationToken ct = default) =>
        CallAsync("ES10b GetEUICCInfo (EUICCInfo2)", new GetEuiccInfo2Request().Encode(), nameof(EUICCInfo2), d => EUICCInfo2.Decode(d), ct);

    /// <summary>ES10b.AuthenticateServer (SGP.22 §5.7.13): 'BF38' (signed parts re-emitted as received).</summary>
    public Task<Es10Response<AuthenticateServerResponse>> AuthenticateServerAsync(AuthenticateServerRequest request, CancellationToken ct = default) =>
        AuthenticateServerAsync(request.Encode(), ct);

    /// <summary>ES10b.AuthenticateServer with the command bytes given (e.g. tampered).</summary>
    public Task<Es10Response<AuthenticateServerResponse>> AuthenticateServerAsync(byte[] command, CancellationToken ct = default) =>
        CallAsync("ES10b AuthenticateServer", command, AuthenticateServerResponse.TypeName, d => AuthenticateServerResponse.Decode(d), ct);

    /// <summary>ES10b.PrepareDownload (SGP.22 §5.7.5): 'BF21'.</summary>
    public Task<Es10Response<PrepareDownloadResponse>> PrepareDownloadAsync(PrepareDownloadRequest request, CancellationToken ct = default) =>
        PrepareDownloadAsync(request.Encode(), ct);

    /// <summary>ES10b.PrepareDownload with the command bytes given (e.g. tampered).</summary>
    public Task<Es10Response<PrepareDownloadResponse>> PrepareDownloadAsync(byte[] command, CancellationToken ct = default) =>
        CallAsync("ES10b PrepareDownload", command, nameof(PrepareDownloadResponse), d => PrepareDownloadResponse.Decode(d), ct);

    /// <summary>ES10b.ListNotification (SGP.22 §5.7.9): 'BF28', optionally filtered by NotificationEvent bits.</summary>
    public Task<Es10Response<ListNotificationResponse>> ListNotificationAsync(NamedBitList? profileManagementOperation = null, CancellationToken ct = default) =>
        CallAsync("ES10b ListNotification", new ListNotificationRequest(profileManagementOperation).Encode(),
            nameof(ListNotificationResponse), d => ListNotificationResponse.Decode(d), ct);

    /// <summary>ES10b.RetrieveNotificationsList (SGP.22 §5.7.10): 'BF2B'.</summary>
    public Task<Es10Response<RetrieveNotificationsListResponse>> RetrieveNotificationsListAsync(RetrieveNotificationsListRequest? request = null, CancellationToken ct = default) =>
        CallAsync("ES10b RetrieveNotificationsList", (request ?? new RetrieveNotificationsListRequest()).Encode(),
            nameof(RetrieveNotificationsListResponse), d => RetrieveNotificationsListResponse.Decode(d), ct);

    /// <summary>ES10b.RemoveNotificationFromList (SGP.22 §5.7.11): NotificationSentRequest 'BF30'.</summary>
    public async Task<Es10Response<NotificationSentResult>> RemoveNotificationFromListAsync(int seqNumber, CancellationToken ct = default)
    {
        Es10Response<NotificationSentResponse> r = await CallAsync("ES10b RemoveNotificationFromList", new NotificationSentRequest(seqNumber).Encode(),
            nameof(NotificationSentResponse), d => NotificationSentResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<NotificationSentResult>(r.Value.DeleteNotificationStatus, r.Raw, r.Exchange);
    }

    /// <summary>ES10b.LoadCRL (SGP.22 §5.7.12): 'BF35'.</summary>
    public Task<Es10Response<LoadCRLResponse>> LoadCrlAsync(ReadOnlyMemory<byte> crl, CancellationToken ct = default) =>
        CallAsync("ES10b LoadCRL", new LoadCRLRequest(crl).Encode(), nameof(LoadCRLResponse), d => LoadCRLResponse.Decode(d), ct);

    /// <summary>ES10b.CancelSession (SGP.22 §5.7.14): 'BF41'.</summary>
    public Task<Es10Response<CancelSessionResponse>> CancelSessionAsync(byte[] transactionId, CancelSessionReason reason, CancellationToken ct = default) =>
        CallAsync("ES10b CancelSession", new CancelSessionRequest(transactionId, reason).Encode(),
            nameof(CancelSessionResponse), d => CancelSessionResponse.Decode(d), ct);

    /// <summary>ES10b.GetRAT (SGP.22 §5.7.22): 'BF43'.</summary>
    public Task<Es10Response<GetRatResponse>> GetRatAsync(CancellationToken ct = default) =>
        CallAsync("ES10b GetRAT", new GetRatRequest().Encode(), nameof(GetRatResponse), d => GetRatResponse.Decode(d), ct);
}
