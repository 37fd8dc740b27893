using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Es9Request = Conformance.SmdpPlus.Es9Plus.GetBoundProfilePackageRequest;
using Es9Response = Conformance.SmdpPlus.Es9Plus.GetBoundProfilePackageResponse;

namespace Conformance.SmdpPlus.Es9Plus;

public sealed partial class Es9PlusFunctions
{
    /// <summary>ES9+.GetBoundProfilePackage (SGP.22 v2.5 §5.6.2, §3.1.3.2–§3.1.3.3; binding §6.5.2.7).</summary>
    public async Task<RspResult> GetBoundProfilePackage(Es9Request request, CallLog call, CancellationToken ct)
    {
        PrepareDownloadResponse pdr = Decode("prepareDownloadResponse", () => PrepareDownloadResponse.Decode(request.PrepareDownloadResponse));
        DownloadSession? session = await _store.GetSessionAsync(request.TransactionId).ConfigureAwait(false);
        // The SM-DP+ SHALL verify that the transactionId identifies an RSP session past AuthenticateClient.
        if (session is null || session.State is not (DownloadSessionState.Authenticated or DownloadSessionState.BppDelivered))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"no RSP session waiting for GetBoundProfilePackage has transactionId {request.TransactionId}");
        }
        if (pdr.DownloadResponseOk is not { } ok)
        {
            // SGP.22 §3.1.3.2: when the eUICC answers PrepareDownload with an error the download procedure stops; the
            // SM-DP+ ends the RSP session, so its transactionId is unknown afterwards (8.10.1 / 3.9).
            if (!Defect(SmdpDefect.KeepSessionAfterDownloadError))
            {
                await EndSessionAsync(session).ConfigureAwait(false);
            }
            return Fail(FunctionStatusCodes.RequestInvalid,
                $"the eUICC refused PrepareDownload ({pdr.DownloadResponseError!.DownloadErrorCode}); the RSP session is ended");
        }
        EUICCSigned2 signed = ok.EuiccSigned2;
        byte[] tid = Convert.FromHexString(request.TransactionId);

        // The SM-DP+ SHALL verify euiccSignature2 over euiccSigned2 followed by smdpSignature2 (with its tag).
        PooledEcdsa? key = session.EuiccCertificate is { } cert ? _chains.KeyOf(cert) : null;
        if (key is null || !key.Verify(Tlv.Concat(signed.SignedData.Span, session.SmdpSignature2 ?? []), ok.EuiccSignature2))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccSignature2 does not verify with CERT.EUICC.ECDSA");
        }
        if (!signed.TransactionId.AsSpan().SequenceEqual(tid))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, "euiccSigned2.transactionId is not the transactionId of the request");
        }
        if (session.CcRequired && !Defect(SmdpDefect.SkipConfirmationCodeCheck)
            && await CheckConfirmationCodeAsync(session, signed.HashCc, tid).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        return await BindAsync(session, signed, tid).ConfigureAwait(false);
    }

    /// <summary>
    /// hashCc = SHA-256(SHA-256(Confirmation Code) || transactionId) (SGP.22 §3.1.3.2); the store keeps the inner hash.
    /// A wrong code uses up one attempt; none left is 8.2.7 / 6.4.
    /// </summary>
    private async Task<RspResult?> CheckConfirmationCodeAsync(DownloadSession session, byte[]? hashCc, byte[] tid)
    {
        if (hashCc is null)
        {
            return Fail(FunctionStatusCodes.ConfirmationCodeMissing, "the order requires a confirmation code and euiccSigned2 carries no hashCc");
        }
        bool limited = !Defect(SmdpDefect.RetriesNotLimited);
        await using StoreTransaction tx = await _store.BeginAsync().ConfigureAwait(false);
        OrderRecord? order = await tx.GetOrderAsync(session.Iccid!).ConfigureAwait(false);
        if (order?.ConfirmationCodeHash is not { } inner)
        {
            return null;
        }
        // A session whose order a later AuthenticateClient took over uses up none of the order's attempts (see BindAsync).
        if (order.SessionId is { } owner && owner != session.TransactionId)
        {
            return TakenOver(order.Iccid);
        }
        if (limited && order.ConfirmationCodeAttemptsLeft <= 0)
        {
            return Fail(FunctionStatusCodes.ConfirmationCodeRetriesExceeded, $"no confirmation code attempt is left for the order of ICCID {order.Iccid}");
        }
        byte[] expected = SHA256.HashData(Tlv.Concat(inner, tid));
        if (CryptographicOperations.FixedTimeEquals(expected, hashCc))
        {
            return null;
        }
        int left = Math.Max(0, order.ConfirmationCodeAttemptsLeft - 1);
        await tx.SaveOrderAsync(order with { ConfirmationCodeAttemptsLeft = left }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return limited && left == 0
            ? Fail(FunctionStatusCodes.ConfirmationCodeRetriesExceeded, $"wrong confirmation code; no attempt is left for the order of ICCID {order.Iccid}")
            : Fail(FunctionStatusCodes.ConfirmationCodeRefused, $"wrong confirmation code ({left} attempt(s) left)");
    }

    private async Task<RspResult> BindAsync(DownloadSession session, EUICCSigned2 signed, byte[] tid)
    {
        ProfileRecord? profile = await _store.GetProfileAsync(session.Iccid!).ConfigureAwait(false);
        CiCredentials dp = _credentials.ForPkId(session.CiPkId) ?? _credentials.ByCi[0];
        // One-time key reuse (§3.1.3.1, §5.6.2): when the eUICC answers the bppEuiccOtpk offered in smdpSigned2, the
        // SM-DP+ reuses the otSK.DP.ECKA of that earlier binding; any other otPK.EUICC.ECKA gets a fresh otSK.DP.ECKA.
        byte[]? reusedOtSk = null;
        byte[]? reusedPpk = null;
        bool anyOtpk = Defect(SmdpDefect.ReuseOtSkDpAcrossOtpk);
        if (session.OtPkEuicc is { } used && (anyOtpk || used.AsSpan().SequenceEqual(signed.EuiccOtpk)) && session.OtSkDp is { } same)
        {
            // The same session asks again with the same otPK.EUICC.ECKA: the same binding (keys and PPKs) is sent
            // again, rebuilt from the stored keys rather than stored whole.
            reusedOtSk = same;
            reusedPpk = session.Ppk;
        }
        else if (session.BppEuiccOtpk is { } offered && (anyOtpk || offered.AsSpan().SequenceEqual(signed.EuiccOtpk)))
        {
            DownloadSession? earlier;
            await using (StoreTransaction read = await _store.BeginAsync().ConfigureAwait(false))
            {
                earlier = await read.LastBoundSessionOfAsync(session.Iccid!).ConfigureAwait(false);
            }
            // The SM-DP+ SHALL NOT use a one-time key for two otPK.EUICC.ECKA: only the very key of that binding is reused.
            reusedOtSk = earlier?.OtPkEuicc is { } o && o.AsSpan().SequenceEqual(offered) ? earlier.OtSkDp : null;
        }
        if (profile is null)
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"the profile of the RSP session ({session.Iccid}) no longer exists");
        }

        byte[] metadata = session.ProfileMetadata ?? ProfileMetadataFactory.Build(profile).Encode();
        byte[] bppMetadata = Defect(SmdpDefect.MetadataInBppDiffersFromProfileMetadata) || Fault(SmdpFault.MismatchingMetadataInBpp)
            ? ProfileMetadataFactory.Build(profile with { ProfileName = (profile.ProfileName ?? "Profile") + " (other)" }).Encode()
            : metadata;
        BppOutput bpp;
        try
        {
            bpp = _bpp.Build(new BppInput(tid, dp.Curve, DpPbFor(dp), signed.EuiccOtpk, EidBytes(session.Eid!), bppMetadata, UppOf(profile), reusedOtSk, reusedPpk));
        }
        catch (CryptographicException e)
        {
            return Fail(FunctionStatusCodes.RequestInvalid, $"euiccOtpk is not a public key on {dp.Curve}: {Rsp.ErrorText.Of(e)}");
        }

        await using StoreTransaction tx = await _store.BeginAsync().ConfigureAwait(false);
        DownloadSession? current = await tx.GetSessionAsync(session.TransactionId).ConfigureAwait(false);
        if (current is null || current.State is not (DownloadSessionState.Authenticated or DownloadSessionState.BppDelivered))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"the RSP session {session.TransactionId} ended meanwhile");
        }
        // One order yields one download: only the session of the order's latest AuthenticateClient may bind it
        // (Es9PlusFunctions.AuthenticateClient). The check and the binding below are one store transaction, a
        // conditional UPDATE of the order: of two sessions of one order, however close, one is bound and the other
        // answered 8.2 / 3.7, "BPP is not available for a new binding" (SGP.22 v2.5 §5.6.2, GetBoundProfilePackage
        // error codes), and ended.
        if (!await tx.TakeOrderForBindingAsync(profile.Iccid, session.TransactionId).ConfigureAwait(false))
        {
            await tx.SetSessionStateAsync(session.TransactionId, DownloadSessionState.Cancelled).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return TakenOver(profile.Iccid);
        }
        ProfileRecord now = (await tx.GetProfileAsync(profile.Iccid).ConfigureAwait(false))!;
        if (now.State is not (SmdpProfileState.Released or SmdpProfileState.Downloaded or SmdpProfileState.Error)
            || !await tx.ChangeStateAsync(now.Iccid, now.State, SmdpProfileState.Downloaded, session.Eid).ConfigureAwait(false))
        {
            return Fail(FunctionStatusCodes.BppNotAvailableForNewBinding, $"the profile {now.Iccid} is {now.State} and cannot be bound");
        }
        await tx.SaveSessionAsync(current with
        {
            State = DownloadSessionState.BppDelivered,
            OtPkEuicc = signed.EuiccOtpk,
            OtSkDp = bpp.OtSkDp,
            OtPkDp = bpp.OtPkDp,
            SessionKeys = bpp.SessionKeys,
            // The BPP itself is not stored: a retry rebuilds it from otSK.DP.ECKA and the PPKs.
            BoundProfilePackage = null,
            Ppk = bpp.Ppk,
        }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return RspResult.Ok(new Es9Response(session.TransactionId, B64(bpp.BoundProfilePackage)));
    }

    /// <summary>8.2 / 3.7 for a session whose order a later RSP session (a newer AuthenticateClient) took over.</summary>
    private static RspResult TakenOver(string iccid) => Fail(FunctionStatusCodes.BppNotAvailableForNewBinding,
        $"the download order of profile {iccid} belongs to a later RSP session of the eUICC (a newer AuthenticateClient); this session is ended without a binding");
}
