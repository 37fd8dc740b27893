using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es9Plus;

public sealed partial class Es9PlusFunctions
{
    /// <summary>
    /// ES9+.HandleNotification (SGP.22 v2.5 §5.6.4, binding §6.5.2.9): verifies and records the notification
    /// and answers HTTP 204 with no body — also for a notification it cannot attribute (unknown transactionId)
    /// or whose signature does not verify: the function has no error output, those are recorded and logged.
    /// A ProfileInstallationResult of a known session moves the profile to Installed or Error.
    /// </summary>
    public async Task<RspResult> HandleNotification(HandleNotificationRequest request, CallLog call, CancellationToken ct)
    {
        PendingNotification pending = Decode("pendingNotification", () => PendingNotification.Decode(request.PendingNotification));
        if (pending.ProfileInstallationResult is { } pir)
        {
            await HandlePirAsync(pir, request.PendingNotification, call).ConfigureAwait(false);
        }
        else
        {
            await HandleOtherAsync(pending.OtherSignedNotification!, request.PendingNotification, call).ConfigureAwait(false);
        }
        return Defect(SmdpDefect.HandleNotificationAnswers200WithBody) ? RspResult.Ok(new HeaderOnlyResponse()) : RspResult.Empty;
    }

    private async Task HandlePirAsync(ProfileInstallationResult pir, byte[] raw, CallLog call)
    {
        ProfileInstallationResultData data = pir.ProfileInstallationResultData;
        string tid = Convert.ToHexString(data.TransactionId);
        bool success = data.SuccessResult is not null;
        call.Subject = $"transactionId={tid} profileInstallationResult={(success ? "success" : data.ErrorResult!.ErrorReason.ToString())}";
        DownloadSession? session = await _store.GetSessionAsync(tid).ConfigureAwait(false);
        // The SM-DP+ SHALL verify euiccSignPIR with PK.EUICC.ECDSA of the session's eUICC.
        PooledEcdsa? key = session?.EuiccCertificate is { } cert ? _chains.KeyOf(cert) : null;
        bool verified = key is not null && key.Verify(pir.DataToBeSigned(), pir.EuiccSignPIR);
        string kind = verified ? "profileInstallationResult" : session is null ? "profileInstallationResult:unknownTransactionId" : "profileInstallationResult:invalidSignature";
        await using StoreTransaction tx = await _store.BeginAsync().ConfigureAwait(false);
        await tx.AddNotificationAsync(new ReceivedNotification
        {
            TransactionId = tid,
            Iccid = data.NotificationMetadata.Iccid?.ToString() ?? session?.Iccid,
            Eid = session?.Eid,
            Kind = kind,
            SequenceNumber = data.NotificationMetadata.SeqNumber,
            PendingNotification = raw,
            ReceivedAt = _time.GetUtcNow(),
        }).ConfigureAwait(false);
        DownloadSession? current = verified ? await tx.GetSessionAsync(tid).ConfigureAwait(false) : null;
        OrderRecord? ended = null;
        if (current is { State: DownloadSessionState.BppDelivered, Iccid: { } iccid })
        {
            ended = await tx.GetOrderAsync(iccid).ConfigureAwait(false);
            await tx.ChangeStateAsync(iccid, SmdpProfileState.Downloaded, success ? SmdpProfileState.Installed : SmdpProfileState.Error, current.Eid).ConfigureAwait(false);
            await tx.SetSessionStateAsync(current.TransactionId, DownloadSessionState.Completed).ConfigureAwait(false);
        }
        await tx.CommitAsync().ConfigureAwait(false);
        // The download has ended (installed or failed): the SM-DP+ deletes its Event on the SM-DS (SGP.22 v2.5 §3.6.3).
        await Es2Plus.Es2PlusFunctions.DeleteEventAsync(_es12, ended, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task HandleOtherAsync(OtherSignedNotification other, byte[] raw, CallLog call)
    {
        NotificationMetadata meta = other.TbsOtherNotification;
        string operation = meta.ProfileManagementOperation.SetBits.FirstOrDefault() switch
        {
            (int)NotificationEvent.notificationInstall => "install",
            (int)NotificationEvent.notificationEnable => "enable",
            (int)NotificationEvent.notificationDisable => "disable",
            (int)NotificationEvent.notificationDelete => "delete",
            _ => "unknown",
        };
        call.Subject = $"otherSignedNotification={operation} seq={meta.SeqNumber}";
        // The SM-DP+ SHALL verify the eUICC and EUM certificates and euiccNotificationSignature.
        byte[] euiccDer = other.EuiccCertificate.ToArray();
        CertificateValidationResult chain = _chains.Validate(euiccDer, other.EumCertificate.ToArray(), _time.GetUtcNow());
        PooledEcdsa? key = chain.IsValid ? _chains.KeyOf(euiccDer) : null;
        bool verified = key is not null && key.Verify(other.DataToBeSigned(), other.EuiccNotificationSignature);
        await _store.AddNotificationAsync(new ReceivedNotification
        {
            Iccid = meta.Iccid?.ToString(),
            Eid = chain.Eid,
            Kind = verified ? operation : operation + ":invalidSignature",
            SequenceNumber = meta.SeqNumber,
            PendingNotification = raw,
            ReceivedAt = _time.GetUtcNow(),
        }).ConfigureAwait(false);
    }
}
