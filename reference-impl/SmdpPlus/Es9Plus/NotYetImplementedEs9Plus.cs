using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// INTERNAL PLACEHOLDER, to be replaced by the real ES9+ logic (signatures, BPP) once the ASN.1,
/// crypto and PKI parts land. Every function answers Failed 1.2 / 4.2 with a message saying so,
/// except the InitiateAuthentication SM-DP+ address check, which needs nothing else (8.8.1 / 3.8).
/// </summary>
internal sealed class NotYetImplementedEs9Plus(SmdpOptions options) : IEs9PlusFunctions
{
    private static RspResult NotYet(string function) => RspResult.Fail(FunctionStatusCodes.ExecutionError,
        $"{function} is not implemented yet in the reference SM-DP+ (placeholder)");

    public Task<RspResult> InitiateAuthentication(InitiateAuthenticationRequest request, CallLog call, CancellationToken ct)
    {
        // SGP.22 §5.6.1: The SM-DP+ SHALL verify that the received smdpAddress matches its own SM-DP+ address;
        // the comparison SHALL be case-insensitive. Otherwise "SM-DP+ Address - Refused".
        if (!string.Equals(request.SmdpAddress, options.SmdpAddress, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(RspResult.Fail(FunctionStatusCodes.InvalidSmdpAddress,
                $"smdpAddress '{request.SmdpAddress}' is not this SM-DP+'s address"));
        }

        return Task.FromResult(NotYet("InitiateAuthentication"));
    }

    public Task<RspResult> AuthenticateClient(AuthenticateClientRequest request, CallLog call, CancellationToken ct) =>
        Task.FromResult(NotYet("AuthenticateClient"));

    public Task<RspResult> GetBoundProfilePackage(GetBoundProfilePackageRequest request, CallLog call, CancellationToken ct) =>
        Task.FromResult(NotYet("GetBoundProfilePackage"));

    public Task<RspResult> HandleNotification(HandleNotificationRequest request, CallLog call, CancellationToken ct) =>
        Task.FromResult(NotYet("HandleNotification"));

    public Task<RspResult> CancelSession(CancelSessionRequest request, CallLog call, CancellationToken ct) =>
        Task.FromResult(NotYet("CancelSession"));
}
