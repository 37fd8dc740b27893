using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Http;
using Es9 = Conformance.SmdpPlus.Es9Plus;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// Maps the ES9+ ASN.1 binding (SGP.22 v2.5 §6.6) onto <see cref="IEs9PlusFunctions"/>: request alternatives to the
/// function requests, results to the response alternatives, status codes to the error INTEGERs of
/// Es9AsnBindingErrors.cs (undefinedError(127) where the binding has no value for a code).
/// </summary>
public static class Asn1BindingMapper
{
    public static string FunctionName(RemoteProfileProvisioningRequest r) =>
        r.InitiateAuthenticationRequest is not null ? "InitiateAuthentication"
        : r.AuthenticateClientRequest is not null ? "AuthenticateClient"
        : r.GetBoundProfilePackageRequest is not null ? "GetBoundProfilePackage"
        : r.CancelSessionRequestEs9 is not null ? "CancelSession"
        : "HandleNotification";

    public static Task<RspResult> InvokeAsync(IEs9PlusFunctions f, RemoteProfileProvisioningRequest r, CallLog call, CancellationToken ct)
    {
        if (r.InitiateAuthenticationRequest is { } ia)
        {
            return f.InitiateAuthentication(new Es9.InitiateAuthenticationRequest(ia.EuiccChallenge, ia.EuiccInfo1.Encode(), ia.SmdpAddress), call, ct);
        }
        if (r.AuthenticateClientRequest is { } ac)
        {
            call.Subject = "transactionId=" + Convert.ToHexString(ac.TransactionId);
            return f.AuthenticateClient(new Es9.AuthenticateClientRequest(Convert.ToHexString(ac.TransactionId), ac.AuthenticateServerResponse.Encode()), call, ct);
        }
        if (r.GetBoundProfilePackageRequest is { } gb)
        {
            call.Subject = "transactionId=" + Convert.ToHexString(gb.TransactionId);
            return f.GetBoundProfilePackage(new Es9.GetBoundProfilePackageRequest(Convert.ToHexString(gb.TransactionId), gb.PrepareDownloadResponse.Encode()), call, ct);
        }
        if (r.CancelSessionRequestEs9 is { } cs)
        {
            call.Subject = "transactionId=" + Convert.ToHexString(cs.TransactionId);
            return f.CancelSession(new Es9.CancelSessionRequest(Convert.ToHexString(cs.TransactionId), cs.CancelSessionResponse.Encode()), call, ct);
        }
        return f.HandleNotification(new HandleNotificationRequest(r.HandleNotification!.PendingNotification.Encoded.ToArray()), call, ct);
    }

    /// <summary>
    /// The response for a result that is not 204. <paramref name="dropErrorCodes"/> is the defect
    /// <see cref="SmdpDefect.Asn1BindingDropsErrorCode"/>: every failure becomes undefinedError(127).
    /// </summary>
    public static RemoteProfileProvisioningResponse Response(RemoteProfileProvisioningRequest r, RspResult result, bool dropErrorCodes = false)
    {
        RspResult.Failure? failed = result as RspResult.Failure;
        if (dropErrorCodes && failed is not null)
        {
            // A code no error INTEGER stands for: the mapping below falls back to undefinedError(127).
            failed = new RspResult.Failure(FunctionStatusCodes.ExecutionError, failed.Message, null);
        }
        object? body = (result as RspResult.Success)?.Body;
        if (r.InitiateAuthenticationRequest is not null)
        {
            return new()
            {
                InitiateAuthenticationResponse = body is Es9.InitiateAuthenticationResponse ok
                    ? Rsp.Asn1.Messages.InitiateAuthenticationResponse.Ok(new InitiateAuthenticationOkEs9(Convert.FromHexString(ok.TransactionId),
                        ServerSigned1.Decode(Convert.FromBase64String(ok.ServerSigned1)), Octets(ok.ServerSignature1, 0x5F37),
                        Octets(ok.EuiccCiPKIdToBeUsed, 0x04), Convert.FromBase64String(ok.ServerCertificate)))
                    : Rsp.Asn1.Messages.InitiateAuthenticationResponse.Error(InitiateAuthenticationErrorOf(failed)),
            };
        }
        if (r.AuthenticateClientRequest is not null)
        {
            return new()
            {
                AuthenticateClientResponseEs9 = body is AuthenticateClientResponse ok
                    ? AuthenticateClientResponseEs9.Ok(new AuthenticateClientOk(Convert.FromHexString(ok.TransactionId),
                        RawDer.Parse(Convert.FromBase64String(ok.ProfileMetadata)), SmdpSigned2.Decode(Convert.FromBase64String(ok.SmdpSigned2)),
                        Octets(ok.SmdpSignature2, 0x5F37), Convert.FromBase64String(ok.SmdpCertificate)))
                    : AuthenticateClientResponseEs9.Error(AuthenticateClientErrorOf(failed)),
            };
        }
        if (r.GetBoundProfilePackageRequest is not null)
        {
            return new()
            {
                GetBoundProfilePackageResponse = body is Es9.GetBoundProfilePackageResponse ok
                    ? Rsp.Asn1.Messages.GetBoundProfilePackageResponse.Ok(new GetBoundProfilePackageOk(Convert.FromHexString(ok.TransactionId),
                        RawDer.Parse(Convert.FromBase64String(ok.BoundProfilePackage))))
                    : Rsp.Asn1.Messages.GetBoundProfilePackageResponse.Error(GetBoundProfilePackageErrorOf(failed)),
            };
        }
        if (r.CancelSessionRequestEs9 is not null)
        {
            return new() { CancelSessionResponseEs9 = failed is null ? CancelSessionResponseEs9.Ok() : CancelSessionResponseEs9.Error(CancelSessionErrorOf(failed)) };
        }
        // HandleNotification has no response alternative; a Failed result (malformed notification) is refused by HTTP status upstream.
        throw new RspRequestException(failed?.Code ?? FunctionStatusCodes.RequestInvalid, failed?.Message ?? "HandleNotification has no ASN.1 response");
    }

    private static byte[] Octets(string base64, int tag) => DecodeOctets(Convert.FromBase64String(base64), tag);

    /// <summary>The content of a one-TLV DER field (5F37 signature or 04 key identifier).</summary>
    internal static byte[] DecodeOctets(byte[] tlv, int tag)
    {
        int header = tag > 0xFF ? 2 : 1;
        int len = tlv[header];
        int at = header + 1;
        if (len == 0x81)
        {
            len = tlv[at++];
        }
        if (at + len != tlv.Length || (tag > 0xFF ? (tlv[0] << 8) | tlv[1] : tlv[0]) != tag)
        {
            throw new FormatException($"expected one TLV with tag {tag:X}");
        }
        return tlv[at..];
    }

    private static bool Is(RspResult.Failure? f, StatusCode c) => f is not null && f.Code.Matches(c);

    public static InitiateAuthenticationError InitiateAuthenticationErrorOf(RspResult.Failure? f) =>
        Is(f, FunctionStatusCodes.InvalidSmdpAddress) ? InitiateAuthenticationError.invalidDpAddress
        : Is(f, FunctionStatusCodes.SvnNotSupported) ? InitiateAuthenticationError.euiccVersionNotSupportedByDp
        : Is(f, FunctionStatusCodes.CiPKIdNotSupported) || Is(f, FunctionStatusCodes.NoDpAuthCertificateForCi) ? InitiateAuthenticationError.ciPKIdNotSupported
        : (InitiateAuthenticationError)127;

    public static AuthenticateClientError AuthenticateClientErrorOf(RspResult.Failure? f) =>
        Is(f, FunctionStatusCodes.EumCertificateInvalid) ? AuthenticateClientError.eumCertificateInvalid
        : Is(f, FunctionStatusCodes.EumCertificateExpired) ? AuthenticateClientError.eumCertificateExpired
        : Is(f, FunctionStatusCodes.EuiccCertificateInvalid) ? AuthenticateClientError.euiccCertificateInvalid
        : Is(f, FunctionStatusCodes.EuiccCertificateExpired) ? AuthenticateClientError.euiccCertificateExpired
        : Is(f, FunctionStatusCodes.EuiccSignatureInvalid) ? AuthenticateClientError.euiccSignatureInvalid
        : Is(f, FunctionStatusCodes.MatchingIdRefused) ? AuthenticateClientError.matchingIdRefused
        : Is(f, FunctionStatusCodes.EidMismatch) ? AuthenticateClientError.eidMismatch
        : Is(f, FunctionStatusCodes.NoEligibleProfile) ? AuthenticateClientError.noEligibleProfile
        : Is(f, FunctionStatusCodes.CiPublicKeyUnknown) ? AuthenticateClientError.ciPKUnknown
        : Is(f, FunctionStatusCodes.TransactionIdUnknown) ? AuthenticateClientError.invalidTransactionId
        : Is(f, FunctionStatusCodes.InsufficientEuiccMemory) ? AuthenticateClientError.insufficientMemory
        : Is(f, FunctionStatusCodes.DownloadOrderExpired) ? AuthenticateClientError.downloadOrderExpired
        : AuthenticateClientError.undefinedError;

    public static GetBoundProfilePackageError GetBoundProfilePackageErrorOf(RspResult.Failure? f) =>
        Is(f, FunctionStatusCodes.EuiccSignatureInvalid) ? GetBoundProfilePackageError.euiccSignatureInvalid
        : Is(f, FunctionStatusCodes.ConfirmationCodeMissing) ? GetBoundProfilePackageError.confirmationCodeMissing
        : Is(f, FunctionStatusCodes.ConfirmationCodeRefused) ? GetBoundProfilePackageError.confirmationCodeRefused
        : Is(f, FunctionStatusCodes.ConfirmationCodeRetriesExceeded) ? GetBoundProfilePackageError.confirmationCodeRetriesExceeded
        : Is(f, FunctionStatusCodes.BppNotAvailableForNewBinding) ? GetBoundProfilePackageError.bppRebindingRefused
        : Is(f, FunctionStatusCodes.TransactionIdUnknown) ? GetBoundProfilePackageError.invalidTransactionId
        : GetBoundProfilePackageError.undefinedError;

    public static CancelSessionEs9Error CancelSessionErrorOf(RspResult.Failure f) =>
        Is(f, FunctionStatusCodes.TransactionIdUnknown) ? CancelSessionEs9Error.invalidTransactionId
        : Is(f, FunctionStatusCodes.EuiccSignatureInvalid) ? CancelSessionEs9Error.euiccSignatureInvalid
        : CancelSessionEs9Error.undefinedError;
}
