using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es9Plus;

public sealed partial class Es9PlusFunctions
{
    /// <summary>ES9+.AuthenticateClient (SGP.22 v2.5 §5.6.3, §3.1.3.1; binding §6.5.2.8).</summary>
    public async Task<RspResult> AuthenticateClient(AuthenticateClientRequest request, CallLog call, CancellationToken ct)
    {
        AuthenticateServerResponse asr = Decode("authenticateServerResponse", () => AuthenticateServerResponse.Decode(request.AuthenticateServerResponse));
        DownloadSession? session = await _store.GetSessionAsync(request.TransactionId).ConfigureAwait(false);
        // The SM-DP+ SHALL verify that the transactionId identifies an ongoing RSP session.
        if (session is null || session.State != DownloadSessionState.Initiated)
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"no RSP session waiting for AuthenticateClient has transactionId {request.TransactionId}");
        }
        if (asr.AuthenticateResponseOk is not { } ok)
        {
            await EndSessionAsync(session).ConfigureAwait(false);
            return Fail(FunctionStatusCodes.RequestInvalid,
                $"the eUICC refused the server authentication ({asr.AuthenticateResponseError!.AuthenticateErrorCode}); the RSP session is ended");
        }
        EuiccSigned1 signed = ok.EuiccSigned1;
        // The transactionId inside euiccSigned1 SHALL be the one of the RSP session.
        if (!Defect(SmdpDefect.IgnoreTransactionIdInEuiccSigned1) && !signed.TransactionId.AsSpan().SequenceEqual(Convert.FromHexString(request.TransactionId)))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, "euiccSigned1.transactionId is not the transactionId of the request");
        }

        // The SM-DP+ SHALL verify CERT.EUM.ECDSA with the CI key and CERT.EUICC.ECDSA with the EUM key.
        DateTimeOffset now = _time.GetUtcNow();
        CertificateValidationResult chain = _chains.Validate(ok.EuiccCertificate, ok.EumCertificate, now);
        if (!chain.IsValid && ChainFailure(chain) is { } refused)
        {
            return refused;
        }
        string? eid = _chains.EidOf(ok.EuiccCertificate);
        PooledEcdsa? key = _chains.KeyOf(ok.EuiccCertificate);
        if (eid is null || eid.Length != 32 || !eid.All(char.IsAsciiDigit) || key is null)
        {
            return Fail(FunctionStatusCodes.EuiccCertificateInvalid, "CERT.EUICC.ECDSA carries no 32-digit EID or no usable public key");
        }

        // The SM-DP+ SHALL verify euiccSignature1 over euiccSigned1 with PK.EUICC.ECDSA.
        if (!Defect(SmdpDefect.SkipEuiccSignature1Check) && !key.Verify(signed.SignedData.Span, ok.EuiccSignature1))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccSignature1 does not verify with CERT.EUICC.ECDSA");
        }
        // The SM-DP+ SHALL verify that serverChallenge in euiccSigned1 is the one it generated for this session.
        if (!signed.ServerChallenge.AsSpan().SequenceEqual(session.ServerChallenge))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccSigned1.serverChallenge is not the serverChallenge of this RSP session");
        }

        string? matchingId = signed.CtxParams1.CtxParamsForCommonAuthentication?.MatchingId;
        call.Subject = $"transactionId={request.TransactionId} eid={eid}";
        RspResult result = await BindOrderAsync(request.TransactionId, eid, matchingId, ok).ConfigureAwait(false);
        if (result is RspResult.Failure && !Defect(SmdpDefect.ForgetEuiccAfterRefusedAuthenticateClient))
        {
            // The eUICC proved itself (chain and euiccSignature1 verified) but no order was bound. The LPA then ends the
            // session with the eUICC's signed CancelSessionResponse (SGP.22 v2.5 §3.1.3, §5.6.5), which the SM-DP+
            // verifies with PK.EUICC.ECDSA: keep CERT.EUICC.ECDSA on the session so that it can.
            await RememberEuiccAsync(request.TransactionId, eid, ok.EuiccCertificate).ConfigureAwait(false);
        }
        return result;
    }

    private async Task RememberEuiccAsync(string transactionId, string eid, byte[] euiccCertificate)
    {
        if (await _store.GetSessionAsync(transactionId).ConfigureAwait(false) is { State: DownloadSessionState.Initiated, EuiccCertificate: null } session)
        {
            await _store.SaveSessionAsync(session with { Eid = eid, EuiccCertificate = euiccCertificate }).ConfigureAwait(false);
        }
    }

    /// <summary>The status code of a refused eUICC/EUM chain (SGP.22 §5.6.3 error table), or null when a defect accepts it.</summary>
    private RspResult? ChainFailure(CertificateValidationResult chain)
    {
        StatusCode code = EuiccChainStatus.Of(chain);
        if ((code == FunctionStatusCodes.EidOutsideEumPermittedRange && Defect(SmdpDefect.SkipEumRangeCheck))
            || (code == FunctionStatusCodes.EuiccCertificateExpired && Defect(SmdpDefect.AcceptExpiredEuiccCertificate)))
        {
            return null;
        }
        return Fail(code, chain.Message);
    }

    private async Task EndSessionAsync(DownloadSession session)
    {
        await _store.SaveSessionAsync(session with { State = DownloadSessionState.Cancelled }).ConfigureAwait(false);
    }

    /// <summary>Finds the order (MatchingID, pool, or EID), checks it and answers smdpSigned2 with profileMetadata.</summary>
    private async Task<RspResult> BindOrderAsync(string transactionId, string eid, string? matchingId, AuthenticateResponseOk ok)
    {
        DateTimeOffset now = _time.GetUtcNow();
        await using StoreTransaction tx = await _store.BeginAsync().ConfigureAwait(false);
        DownloadSession? session = await tx.GetSessionAsync(transactionId).ConfigureAwait(false);
        if (session is null || session.State != DownloadSessionState.Initiated)
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"the RSP session {transactionId} is no longer waiting for AuthenticateClient");
        }
        OrderLookup found = await OrderLookup.FindAsync(tx, eid, matchingId, _options, now).ConfigureAwait(false);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        (OrderRecord order, ProfileRecord profile) = (found.Order!, found.Profile!);

        // A Download Order that has expired, or whose download attempts are used up, SHALL be refused.
        if (order.ExpiresAt is { } expires && expires < now)
        {
            return Fail(FunctionStatusCodes.DownloadOrderExpired, $"the download order for ICCID {order.Iccid} expired at {expires:u}");
        }
        if (order.DownloadAttemptsLeft <= 0 && !Defect(SmdpDefect.RetriesNotLimited))
        {
            return Fail(FunctionStatusCodes.DownloadOrderRetriesExceeded, $"the download attempts of the order for ICCID {order.Iccid} are used up");
        }
        await tx.SaveOrderAsync(order with
        {
            Eid = order.Eid ?? eid,
            DownloadAttemptsLeft = Math.Max(0, order.DownloadAttemptsLeft - 1),
        }).ConfigureAwait(false);
        // One order yields one download (SGP.22 v2.5 §3.1.3: a new RSP session of the order is a new download attempt,
        // counted above). Decision: the newest session wins. This session becomes the only one that may bind the order;
        // an earlier session of the same order (the same eUICC started again, or a second session racing this one) is
        // refused at GetBoundProfilePackage with 8.2 / 3.7 "BPP is not available for a new binding" (§5.6.2), checked
        // and bound in one store transaction there. Refusing the newer session instead would refuse every retry after
        // an abandoned session until some timeout, and SGP.23's "maximum number of retries" case starts a new
        // AuthenticateClient per attempt without ending the earlier ones.
        await tx.AssignOrderToSessionAsync(order.Iccid, transactionId).ConfigureAwait(false);

        // Retry (§3.1.3.1): when a BPP was already bound for this eUICC and order, the SM-DP+ offers the
        // otPK.EUICC.ECKA of that binding (bppEuiccOtpk) so the eUICC may reuse its one-time key.
        DownloadSession? earlier = await tx.LastBoundSessionOfAsync(profile.Iccid).ConfigureAwait(false);
        byte[]? reuse = earlier is not null && earlier.Eid == eid ? earlier.OtPkEuicc : null;
        bool ccRequired = order.ConfirmationCodeHash is not null;
        byte[] tid = Convert.FromHexString(transactionId);
        var smdpSigned2 = new SmdpSigned2(Fault(SmdpFault.WrongTransactionIdInSmdpSigned2) ? Tlv.Corrupt(tid) : tid, ccRequired, reuse);
        byte[] signed2 = smdpSigned2.Encode();
        CiCredentials dp = _credentials.ForPkId(session.CiPkId) ?? _credentials.ByCi[0];
        SigningCredential dpPb = DpPbFor(dp);
        // smdpSignature2 covers smdpSigned2 followed by euiccSignature1 with its tag (SGP.22 §5.6.3).
        byte[] signature2 = dpPb.Key.Sign(Tlv.Concat(signed2, Tlv.Signature(ok.EuiccSignature1)));
        if (Fault(SmdpFault.InvalidSmdpSignature2))
        {
            signature2 = Tlv.Corrupt(signature2, 7);
        }
        string? metadataIccid = Fault(SmdpFault.IccidMismatchInMetadata) ? OtherIccid(profile.Iccid) : null;
        byte[] metadata = ProfileMetadataFactory.Build(profile, metadataIccid).Encode();

        await tx.SaveSessionAsync(session with
        {
            State = DownloadSessionState.Authenticated,
            Iccid = profile.Iccid,
            Eid = eid,
            MatchingId = order.MatchingId,
            EuiccCertificate = ok.EuiccCertificate,
            CcRequired = ccRequired,
            ProfileMetadata = metadata,
            BppEuiccOtpk = reuse,
            SmdpSignature2 = Tlv.Signature(signature2),
        }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return RspResult.Ok(new AuthenticateClientResponse(transactionId, B64(metadata), B64(signed2), B64(Tlv.Signature(signature2)),
            B64(dpPb.Certificate.Der)));
    }

    /// <summary>An ICCID of the same length whose last digit differs (the IccidMismatchInMetadata fault).</summary>
    private static string OtherIccid(string iccid)
    {
        string digits = iccid.TrimEnd('F', 'f');
        char last = digits[^1] == '9' ? '0' : (char)(digits[^1] + 1);
        return digits[..^1] + last;
    }
}
