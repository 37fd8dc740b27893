using System.Security.Cryptography;
using System.Text;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Lpa;

/// <summary>
/// The harness as LPA: profile download (SGP.22 v2.5 §3.1.3) between an eUICC reached through
/// <see cref="Es10Client"/> and an SM-DP+ reached through <see cref="IEs9PlusClient"/>. Each step is a method;
/// the <c>Build...</c> methods give the request a step would send, built from the previous step's values,
/// so that a test can alter it and pass it to the step. <see cref="RunAsync"/> runs every step in order.
/// </summary>
public sealed class LpaDownload(Es10Client euicc, IEs9PlusClient smdp, LpaSession session)
{
    public LpaSession Session => session;

    /// <summary>A download started from an activation code (SGP.22 §3.1.3, §4.1).</summary>
    public static LpaDownload FromActivationCode(Es10Client euicc, IEs9PlusClient smdp, ActivationCode code,
        DeviceInfo deviceInfo, string? confirmationCode = null) =>
        new(euicc, smdp, new LpaSession
        {
            SmdpAddress = code.SmdpAddress,
            MatchingId = code.MatchingId,
            ExpectedSmdpOid = code.SmdpOid,
            ConfirmationCode = confirmationCode,
            DeviceInfo = deviceInfo,
        });

    /// <summary>A download from the default SM-DP+ address the eUICC holds (ES10a.GetEuiccConfiguredAddresses), no MatchingID.</summary>
    public static async Task<LpaDownload> FromDefaultSmdpAddressAsync(Es10Client euicc, IEs9PlusClient smdp, DeviceInfo deviceInfo,
        string? confirmationCode = null, CancellationToken ct = default)
    {
        Es10Response<EuiccConfiguredAddressesResponse> addresses = await euicc.GetEuiccConfiguredAddressesAsync(ct).ConfigureAwait(false);
        string address = addresses.Value.DefaultDpAddress
            ?? throw new LpaStepException("GetEuiccConfiguredAddresses", "the eUICC has no default SM-DP+ address");
        return new LpaDownload(euicc, smdp, new LpaSession { SmdpAddress = address, DeviceInfo = deviceInfo, ConfirmationCode = confirmationCode });
    }

    /// <summary>Every step in order; stops at the first failure with an <see cref="LpaStepException"/>.</summary>
    public async Task<LpaSession> RunAsync(CancellationToken ct = default)
    {
        await GetEuiccChallengeAndInfo1Async(ct).ConfigureAwait(false);
        Ok(await InitiateAuthenticationAsync(ct: ct).ConfigureAwait(false));
        OkEs10(await AuthenticateServerAsync(ct: ct).ConfigureAwait(false));
        Ok(await AuthenticateClientAsync(ct: ct).ConfigureAwait(false));
        OkEs10(await PrepareDownloadAsync(ct: ct).ConfigureAwait(false));
        Ok(await GetBoundProfilePackageAsync(ct: ct).ConfigureAwait(false));
        await LoadBoundProfilePackageAsync(ct: ct).ConfigureAwait(false);
        await SendPendingNotificationsAsync(ct).ConfigureAwait(false);
        return session;
    }

    // ---- step 1: ES10b.GetEUICCChallenge and GetEUICCInfo (EUICCInfo1) ----

    public async Task GetEuiccChallengeAndInfo1Async(CancellationToken ct = default)
    {
        session.EuiccChallenge = (await euicc.GetEuiccChallengeAsync(ct).ConfigureAwait(false)).Value.EuiccChallenge;
        session.EuiccInfo1 = await euicc.GetEuiccInfo1Async(ct).ConfigureAwait(false);
    }

    // ---- step 2: ES9+.InitiateAuthentication ----

    public Es9InitiateAuthenticationRequest BuildInitiateAuthenticationRequest() => new(
        Need(session.EuiccChallenge, "InitiateAuthentication", "euiccChallenge (GetEUICCChallenge)"),
        Need(session.EuiccInfo1, "InitiateAuthentication", "EUICCInfo1 (GetEUICCInfo)").Raw,
        session.SmdpAddress);

    public async Task<Es9Result<InitiateAuthenticationOkEs9>> InitiateAuthenticationAsync(Es9InitiateAuthenticationRequest? request = null, CancellationToken ct = default)
    {
        Es9Result<InitiateAuthenticationOkEs9> r = await smdp.InitiateAuthenticationAsync(request ?? BuildInitiateAuthenticationRequest(), ct).ConfigureAwait(false);
        session.InitiateAuthenticationResult = r;
        if (r.Value is { } ok)
        {
            session.TransactionId = ok.TransactionId;
        }
        return r;
    }

    // ---- step 3: ES10b.AuthenticateServer ----

    /// <summary>ctxParams1 carries the MatchingID (when there is one) and the DeviceInfo (SGP.22 §5.7.13).</summary>
    public AuthenticateServerRequest BuildAuthenticateServerRequest()
    {
        InitiateAuthenticationOkEs9 ok = Need(session.InitiateAuthenticationResult?.Value, "AuthenticateServer", "a successful InitiateAuthentication");
        return new AuthenticateServerRequest(ok.ServerSigned1, ok.ServerSignature1, ok.EuiccCiPKIdToBeUsed, ok.ServerCertificate,
            CtxParams1.Common(new CtxParamsForCommonAuthentication(session.MatchingId, session.DeviceInfo)));
    }

    public async Task<Es10Response<AuthenticateServerResponse>> AuthenticateServerAsync(AuthenticateServerRequest? request = null, CancellationToken ct = default)
    {
        Es10Response<AuthenticateServerResponse> r = await euicc.AuthenticateServerAsync(request ?? BuildAuthenticateServerRequest(), ct).ConfigureAwait(false);
        session.AuthenticateServerResult = r;
        return r;
    }

    // ---- step 4: ES9+.AuthenticateClient ----

    public Es9AuthenticateClientRequest BuildAuthenticateClientRequest() => new(
        Need(session.TransactionId, "AuthenticateClient", "the transactionId (InitiateAuthentication)"),
        Need(session.AuthenticateServerResult, "AuthenticateClient", "the AuthenticateServerResponse").Raw);

    public async Task<Es9Result<AuthenticateClientOk>> AuthenticateClientAsync(Es9AuthenticateClientRequest? request = null, CancellationToken ct = default)
    {
        Es9Result<AuthenticateClientOk> r = await smdp.AuthenticateClientAsync(request ?? BuildAuthenticateClientRequest(), ct).ConfigureAwait(false);
        session.AuthenticateClientResult = r;
        if (r.Value is { } ok)
        {
            session.ProfileMetadata = StoreMetadataRequest.Decode(ok.ProfileMetaData.Encoded);
        }
        return r;
    }

    // ---- step 5: ES10b.PrepareDownload ----

    /// <summary>
    /// PrepareDownloadRequest from AuthenticateClient's values. When smdpSigned2 requires a confirmation code,
    /// hashCc = SHA256(SHA256(Confirmation Code) | TransactionID) (SGP.22 §3.1.3.3, §5.7.5).
    /// </summary>
    public PrepareDownloadRequest BuildPrepareDownloadRequest()
    {
        AuthenticateClientOk ok = Need(session.AuthenticateClientResult?.Value, "PrepareDownload", "a successful AuthenticateClient");
        byte[]? hashCc = null;
        if (ok.SmdpSigned2.CcRequiredFlag)
        {
            string cc = session.ConfirmationCode
                ?? throw new LpaStepException("PrepareDownload", "the SM-DP+ requires a confirmation code and the session has none");
            hashCc = HashConfirmationCode(cc, ok.SmdpSigned2.TransactionId);
        }
        return new PrepareDownloadRequest(ok.SmdpSigned2, ok.SmdpSignature2, hashCc, ok.SmdpCertificate);
    }

    /// <summary>Hashed Confirmation Code = SHA256(SHA256(Confirmation Code) | TransactionID).</summary>
    public static byte[] HashConfirmationCode(string confirmationCode, byte[] transactionId) =>
        SHA256.HashData([.. SHA256.HashData(Encoding.UTF8.GetBytes(confirmationCode)), .. transactionId]);

    public async Task<Es10Response<PrepareDownloadResponse>> PrepareDownloadAsync(PrepareDownloadRequest? request = null, CancellationToken ct = default)
    {
        Es10Response<PrepareDownloadResponse> r = await euicc.PrepareDownloadAsync(request ?? BuildPrepareDownloadRequest(), ct).ConfigureAwait(false);
        session.PrepareDownloadResult = r;
        return r;
    }

    // ---- step 6: ES9+.GetBoundProfilePackage ----

    public Es9GetBoundProfilePackageRequest BuildGetBoundProfilePackageRequest() => new(
        Need(session.TransactionId, "GetBoundProfilePackage", "the transactionId"),
        Need(session.PrepareDownloadResult, "GetBoundProfilePackage", "the PrepareDownloadResponse").Raw);

    public async Task<Es9Result<GetBoundProfilePackageOk>> GetBoundProfilePackageAsync(Es9GetBoundProfilePackageRequest? request = null, CancellationToken ct = default)
    {
        Es9Result<GetBoundProfilePackageOk> r = await smdp.GetBoundProfilePackageAsync(request ?? BuildGetBoundProfilePackageRequest(), ct).ConfigureAwait(false);
        session.GetBoundProfilePackageResult = r;
        if (r.Value is { } ok)
        {
            session.BoundProfilePackage = BoundProfilePackage.Decode(ok.BoundProfilePackage.Encoded);
        }
        return r;
    }

    // ---- step 7: ES10b.LoadBoundProfilePackage ----

    public async Task<LoadBoundProfilePackageResult> LoadBoundProfilePackageAsync(IReadOnlyList<byte[]>? sequences = null, CancellationToken ct = default)
    {
        sequences ??= Need(session.BoundProfilePackage, "LoadBoundProfilePackage", "a bound profile package").ToLpaChunks();
        LoadBoundProfilePackageResult r = await euicc.LoadBoundProfilePackageAsync(sequences, ct).ConfigureAwait(false);
        session.LoadResult = r;
        return r;
    }

    // ---- step 8: notifications (ES10b.RetrieveNotificationsList, ES9+.HandleNotification, ES10b.RemoveNotificationFromList) ----

    /// <summary>
    /// Retrieves the pending notifications and, for each one addressed to this session's SM-DP+, sends it with
    /// ES9+.HandleNotification and then removes it from the eUICC (SGP.22 §3.5). Others are recorded as skipped.
    /// </summary>
    public async Task<IReadOnlyList<NotificationDelivery>> SendPendingNotificationsAsync(CancellationToken ct = default)
    {
        Es10Response<RetrieveNotificationsListResponse> list = await euicc.RetrieveNotificationsListAsync(null, ct).ConfigureAwait(false);
        var delivered = new List<NotificationDelivery>();
        foreach (PendingNotification pending in list.Value.NotificationList ?? [])
        {
            NotificationMetadata meta = pending.ProfileInstallationResult?.ProfileInstallationResultData.NotificationMetadata
                ?? pending.OtherSignedNotification!.TbsOtherNotification;
            byte[] der = pending.Encode();
            NotificationDelivery d;
            if (!string.Equals(meta.NotificationAddress, session.SmdpAddress, StringComparison.OrdinalIgnoreCase))
            {
                d = new NotificationDelivery(meta.SeqNumber, meta.NotificationAddress, der, null, null,
                    $"addressed to {meta.NotificationAddress}, not to {session.SmdpAddress}");
            }
            else
            {
                Es9Result<Es9NoContent> sent = await smdp.HandleNotificationAsync(new Es9HandleNotificationRequest(der), ct).ConfigureAwait(false);
                NotificationSentResult? removed = sent.IsSuccess
                    ? (await euicc.RemoveNotificationFromListAsync(meta.SeqNumber, ct).ConfigureAwait(false)).Value
                    : null;
                d = new NotificationDelivery(meta.SeqNumber, meta.NotificationAddress, der, sent, removed);
            }
            delivered.Add(d);
            session.Notifications.Add(d);
        }
        return delivered;
    }

    // ---- cancellation: ES10b.CancelSession then ES9+.CancelSession (SGP.22 §3.1.3 "Cancel Session") ----

    public async Task<Es9Result<Es9NoContent>> CancelSessionAsync(CancelSessionReason reason, CancellationToken ct = default)
    {
        byte[] transactionId = Need(session.TransactionId, "CancelSession", "the transactionId");
        Es10Response<CancelSessionResponse> r = await euicc.CancelSessionAsync(transactionId, reason, ct).ConfigureAwait(false);
        return await smdp.CancelSessionAsync(new Es9CancelSessionRequest(transactionId, r.Raw), ct).ConfigureAwait(false);
    }

    private static T Need<T>(T? value, string step, string what) where T : class =>
        value ?? throw new LpaStepException(step, $"needs {what}, which an earlier step has not produced");

    private static void Ok<T>(Es9Result<T> r) where T : class
    {
        if (!r.IsSuccess)
        {
            throw new LpaStepException(r.Function, $"the SM-DP+ answered {r}", new Es9FunctionFailedException(r.Function, r.Status, r.AsnBindingErrorName));
        }
    }

    private static void OkEs10(Es10Response<AuthenticateServerResponse> r)
    {
        if (r.Value.AuthenticateResponseError is { } e)
        {
            throw new LpaStepException("AuthenticateServer", $"the eUICC answered authenticateResponseError {e.AuthenticateErrorCode}");
        }
    }

    private static void OkEs10(Es10Response<PrepareDownloadResponse> r)
    {
        if (r.Value.DownloadResponseError is { } e)
        {
            throw new LpaStepException("PrepareDownload", $"the eUICC answered downloadResponseError {e.DownloadErrorCode}");
        }
    }
}
