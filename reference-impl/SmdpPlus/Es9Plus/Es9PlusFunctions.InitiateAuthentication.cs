using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Es9Request = Conformance.SmdpPlus.Es9Plus.InitiateAuthenticationRequest;
using Es9Response = Conformance.SmdpPlus.Es9Plus.InitiateAuthenticationResponse;

namespace Conformance.SmdpPlus.Es9Plus;

public sealed partial class Es9PlusFunctions
{
    /// <summary>ES9+.InitiateAuthentication (SGP.22 v2.5 §5.6.1, §3.1.2; binding §6.5.2.6).</summary>
    public async Task<RspResult> InitiateAuthentication(Es9Request request, CallLog call, CancellationToken ct)
    {
        // The SM-DP+ SHALL verify that it supports the received SM-DP+ address (case-insensitive comparison).
        if (!string.Equals(request.SmdpAddress, _options.SmdpAddress, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(Defect(SmdpDefect.WrongStatusCodeForInvalidSmdpAddress) ? FunctionStatusCodes.CiPKIdNotSupported : FunctionStatusCodes.InvalidSmdpAddress,
                $"smdpAddress '{request.SmdpAddress}' is not this SM-DP+'s address");
        }

        EUICCInfo1 info1 = Decode("euiccInfo1", () => EUICCInfo1.Decode(request.EuiccInfo1));

        // The SM-DP+ SHALL verify that it supports the Specification Version Number indicated by the eUICC.
        if (info1.Svn.CompareTo(_options.MinimumSvn) < 0 || info1.Svn.CompareTo(_options.MaximumSvn) > 0)
        {
            return Fail(FunctionStatusCodes.SvnNotSupported,
                $"eUICC specification version {info1.Svn} is outside {_options.MinimumSvn}..{_options.MaximumSvn}");
        }

        // The SM-DP+ SHALL select a CI Public Key the eUICC can verify with (euiccCiPKIdListForVerification)
        // for which it has a CERT.DPauth.ECDSA, and one of euiccCiPKIdListForSigning it can verify eUICC
        // signatures with (euiccCiPKIdToBeUsed).
        CiCredentials? dp = info1.EuiccCiPKIdListForVerification.Select(p => _credentials.ForPkId(p))
            .Where(c => c is not null)
            .OrderByDescending(c => info1.EuiccCiPKIdListForSigning.Any(s => s.AsSpan().SequenceEqual(c!.PkId)))
            .FirstOrDefault();
        if (dp is null)
        {
            return info1.EuiccCiPKIdListForVerification.Any(p => _credentials.Trusts(p))
                ? Fail(FunctionStatusCodes.NoDpAuthCertificateForCi, "the SM-DP+ has no CERT.DPauth.ECDSA under any CI of euiccCiPKIdListForVerification")
                : Fail(FunctionStatusCodes.CiPKIdNotSupported, "no PKId of euiccCiPKIdListForVerification is supported by the SM-DP+");
        }
        byte[]? toBeUsed = info1.EuiccCiPKIdListForSigning.FirstOrDefault(p => p.AsSpan().SequenceEqual(dp.PkId))
            ?? info1.EuiccCiPKIdListForSigning.FirstOrDefault(p => _credentials.Trusts(p));
        if (toBeUsed is null)
        {
            return Fail(FunctionStatusCodes.CiPKIdNotSupported, "no PKId of euiccCiPKIdListForSigning is supported by the SM-DP+");
        }

        byte[] transactionId = NewTransactionId();
        byte[] serverChallenge = NewServerChallenge();
        call.Subject = "transactionId=" + Convert.ToHexString(transactionId);
        var serverSigned1 = new ServerSigned1(
            transactionId,
            Fault(SmdpFault.WrongEuiccChallengeInServerSigned1) ? Tlv.Corrupt(request.EuiccChallenge) : request.EuiccChallenge,
            Fault(SmdpFault.WrongServerAddressInServerSigned1) ? "wrong." + _options.SmdpAddress : _options.SmdpAddress,
            serverChallenge);
        byte[] signed = serverSigned1.Encode();
        SigningCredential dpAuth = DpAuthFor(dp);
        byte[] signature = dpAuth.Key.Sign(signed);
        if (Fault(SmdpFault.InvalidServerSignature1))
        {
            signature = Tlv.Corrupt(signature, 33);
        }

        await _store.SaveSessionAsync(new DownloadSession
        {
            TransactionId = Convert.ToHexString(transactionId),
            State = DownloadSessionState.Initiated,
            EuiccChallenge = request.EuiccChallenge,
            ServerChallenge = serverChallenge,
            EuiccInfo1 = request.EuiccInfo1,
            CiPkId = dp.PkId,
        }).ConfigureAwait(false);

        return RspResult.Ok(new Es9Response(Convert.ToHexString(transactionId), B64(signed), B64(Tlv.Signature(signature)),
            B64(Tlv.OctetString(toBeUsed)), B64(dpAuth.Certificate.Der)));
    }

    private SigningCredential DpAuthFor(CiCredentials dp) =>
        (Fault(SmdpFault.DpAuthFromUnknownCi) ? dp.UnknownCiDpAuth : null)
        ?? (Fault(SmdpFault.ExpiredDpAuthCertificate) ? dp.ExpiredDpAuth : null)
        ?? dp.DpAuth;

    private SigningCredential DpPbFor(CiCredentials dp) =>
        (Fault(SmdpFault.DpPbFromUnknownCi) ? dp.UnknownCiDpPb : null)
        ?? (Fault(SmdpFault.ExpiredDpPbCertificate) ? dp.ExpiredDpPb : null)
        ?? dp.DpPb;
}
