using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.PrepareDownload (SGP.22 v2.5 §5.7.5, §3.1.3). After AuthenticateServer (else noSessionContext) the eUICC
/// verifies CERT.DPpb.ECDSA under the CI of the session (unsupportedCurve / invalidCertificate), smdpSignature2
/// computed "over the concatenated data objects smdpSigned2 and euiccSignature1" (the smdpSigned2 DER as received
/// followed by the <c>5F37</c> TLV of the euiccSignature1 this eUICC sent; invalidSignature), and that
/// smdpSigned2.transactionId is the session's (invalidTransactionId). ccRequiredFlag without hashCc is
/// undefinedError. It then generates otSK/otPK.EUICC.ECKA, or reuses the retained pair when bppEuiccOtpk names
/// it (a retry), and signs euiccSigned2 (transactionId, euiccOtpk, hashCc) followed by the <c>5F37</c> TLV of
/// smdpSignature2 (euiccSignature2).
/// </summary>
internal sealed class PrepareDownload : IEs10Function
{
    public Asn1Tag Tag => PrepareDownloadRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        PrepareDownloadRequest request = PrepareDownloadRequest.Decode(command);
        SmdpSigned2 signed2 = request.SmdpSigned2;
        byte[] transactionId = signed2.TransactionId;
        RspSession session = card.Session;
        byte[] Error(DownloadErrorCode code) =>
            PrepareDownloadResponse.Error(new PrepareDownloadResponseError(transactionId, code)).Encode();

        if (!session.Authenticated || session.Prepared || session.Installation is not null)
        {
            return Error(DownloadErrorCode.noSessionContext);
        }
        EuiccCredential credential = session.Credential!;
        CertificateValidationResult validation = card.Identity.Validator.ValidateServerCertificate(
            CertificateRole.DpPb, request.SmdpCertificate, card.Options.Clock.GetUtcNow());
        if (!validation.IsValid)
        {
            return Error(validation.Reason == CertificateFailureReason.CurveNotSupported ? DownloadErrorCode.unsupportedCurve : DownloadErrorCode.invalidCertificate);
        }
        // CERT.DPpb.ECDSA must chain to the CI of this session (the one euiccCiPKIdToBeUsed chose).
        if (!validation.Ci!.Der.AsSpan().SequenceEqual(credential.Ci.Der))
        {
            return Error(DownloadErrorCode.invalidCertificate);
        }
        RspCertificate dpPb = RspCertificate.Parse(request.SmdpCertificate);
        byte[] smdpSigned = [.. signed2.SignedData.Span, .. EuiccCard.SignatureTlv(session.EuiccSignature1)];
        if (!card.Options.Ecdsa.Verify(dpPb.PublicKey!, smdpSigned, request.SmdpSignature2))
        {
            return Error(DownloadErrorCode.invalidSignature);
        }
        // "The eUICC SHALL verify that the transactionId ... matches the one of the ongoing RSP session."
        if (!transactionId.AsSpan().SequenceEqual(session.TransactionId) && !card.Faults.Has(EuiccDefect.SkipTransactionIdCheckInPrepareDownload))
        {
            return Error(DownloadErrorCode.invalidTransactionId);
        }
        if (signed2.CcRequiredFlag && request.HashCc is null)
        {
            return Error(DownloadErrorCode.undefinedError);
        }

        OneTimeKeyPair otk = OneTimeKey(card, credential.Curve, signed2.BppEuiccOtpk);
        var euiccSigned2 = new EUICCSigned2(transactionId, otk.PublicPoint, signed2.CcRequiredFlag ? request.HashCc : null);
        byte[] toSign = [.. euiccSigned2.Encode(), .. EuiccCard.SignatureTlv(request.SmdpSignature2)];
        byte[] signature = card.Sign(credential.Presented(card.Faults).Key, toSign);
        if (card.Faults.Has(EuiccFault.InvalidEuiccSignature2))
        {
            signature = EuiccCard.Corrupt(signature);
        }
        session.DpPb = dpPb;
        session.EuiccOtk = otk;
        card.RetainedOtk = otk;
        return PrepareDownloadResponse.Ok(new PrepareDownloadResponseOk(euiccSigned2, signature)).Encode();
    }

    /// <summary>
    /// SGP.22 v2.5 §5.7.5: when bppEuiccOtpk is present and equals the otPK.EUICC.ECKA the eUICC retained, it reuses
    /// that key pair; otherwise it generates a new one (on the curve of the session).
    /// </summary>
    private static OneTimeKeyPair OneTimeKey(EuiccCard card, RspCurve curve, byte[]? bppEuiccOtpk)
    {
        OneTimeKeyPair? retained = card.RetainedOtk is { } r && r.Curve == curve ? r : null;
        bool asked = retained is not null && bppEuiccOtpk is not null && bppEuiccOtpk.AsSpan().SequenceEqual(retained.PublicPoint);
        if (card.Faults.Has(EuiccFault.ReusePreviousOtpk) && retained is not null)
        {
            return retained;
        }
        if (asked && !card.Faults.Has(EuiccFault.ChangeOtpk))
        {
            return retained!;
        }
        return OneTimeKeyPair.Generate(curve);
    }
}
