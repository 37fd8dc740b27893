using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Es9Request = Conformance.SmdpPlus.Es9Plus.CancelSessionRequest;

namespace Conformance.SmdpPlus.Es9Plus;

public sealed partial class Es9PlusFunctions
{
    /// <summary>ES9+.CancelSession (SGP.22 v2.5 §5.6.5, §3.1.3; binding §6.5.2.10).</summary>
    public async Task<RspResult> CancelSession(Es9Request request, CallLog call, CancellationToken ct)
    {
        CancelSessionResponse csr = Decode("cancelSessionResponse", () => CancelSessionResponse.Decode(request.CancelSessionResponse));
        DownloadSession? session = await _store.GetSessionAsync(request.TransactionId).ConfigureAwait(false);
        // The SM-DP+ SHALL verify that the transactionId identifies an ongoing RSP session.
        if (session is null || session.State is DownloadSessionState.Completed or DownloadSessionState.Cancelled)
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"no ongoing RSP session has transactionId {request.TransactionId}");
        }
        if (csr.CancelSessionResponseOk is not { } ok)
        {
            return Fail(FunctionStatusCodes.RequestInvalid, $"the eUICC could not cancel the session ({csr.CancelSessionResponseError})");
        }
        EuiccCancelSessionSigned signed = ok.EuiccCancelSessionSigned;
        call.Subject = $"transactionId={request.TransactionId} reason={signed.Reason}";
        // The SM-DP+ SHALL verify euiccCancelSessionSignature with PK.EUICC.ECDSA.
        PooledEcdsa? key = session.EuiccCertificate is { } cert ? _chains.KeyOf(cert) : null;
        if (key is null || !key.Verify(signed.SignedData.Span, ok.EuiccCancelSessionSignature))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccCancelSessionSignature does not verify with CERT.EUICC.ECDSA");
        }
        // The transactionId the eUICC signed in euiccCancelSessionSigned SHALL be the one of the RSP session being cancelled.
        if (!Defect(SmdpDefect.IgnoreTransactionIdInCancelSessionSigned) && !signed.TransactionId.AsSpan().SequenceEqual(Convert.FromHexString(request.TransactionId)))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, "euiccCancelSessionSigned.transactionId is not the transactionId of the request");
        }
        // The SM-DP+ SHALL verify that smdpOid is its own OID. Decision: 8.8 / 3.10 as SGP.23 expects (some tables give 8.8 / 3.1).
        if (!string.Equals(signed.SmdpOid, _options.SmdpOid, StringComparison.Ordinal))
        {
            return Fail(FunctionStatusCodes.InvalidSmdpOid, $"smdpOid {signed.SmdpOid} is not this SM-DP+'s OID {_options.SmdpOid}");
        }

        await using StoreTransaction tx = await _store.BeginAsync().ConfigureAwait(false);
        DownloadSession? current = await tx.GetSessionAsync(session.TransactionId).ConfigureAwait(false);
        if (current is null || current.State is DownloadSessionState.Completed or DownloadSessionState.Cancelled)
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"the RSP session {session.TransactionId} ended meanwhile");
        }
        if (current.Iccid is { } iccid && await tx.GetProfileAsync(iccid).ConfigureAwait(false) is { } profile)
        {
            // postponed and timeout keep the order downloadable (a later attempt may succeed); every other reason
            // ends the download with the profile in Error, for the operator to decide (HandleDownloadProgressInfo).
            bool retryable = signed.Reason is CancelSessionReason.postponed or CancelSessionReason.timeout;
            SmdpProfileState target = retryable ? SmdpProfileState.Released : SmdpProfileState.Error;
            if (profile.State != target && profile.State is SmdpProfileState.Downloaded or SmdpProfileState.Released
                && ProfileStateMachine.CanTransition(profile.State, target))
            {
                await tx.ChangeStateAsync(iccid, profile.State, target, current.Eid).ConfigureAwait(false);
            }
        }
        await tx.SetSessionStateAsync(current.TransactionId, DownloadSessionState.Cancelled).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return RspResult.Ok(new HeaderOnlyResponse());
    }
}
