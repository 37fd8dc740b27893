using Conformance.SmdpPlus.Http;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// The ES9+ function logic (SGP.22 v2.5 §5.6), called by the binding with requests already parsed and
/// shape-checked. Implementations answer <see cref="RspResult"/>; they set <see cref="CallLog.Subject"/>
/// when they learn more (e.g. the transactionId they created).
/// </summary>
public interface IEs9PlusFunctions
{
    Task<RspResult> InitiateAuthentication(InitiateAuthenticationRequest request, CallLog call, CancellationToken ct);

    Task<RspResult> AuthenticateClient(AuthenticateClientRequest request, CallLog call, CancellationToken ct);

    Task<RspResult> GetBoundProfilePackage(GetBoundProfilePackageRequest request, CallLog call, CancellationToken ct);

    Task<RspResult> HandleNotification(HandleNotificationRequest request, CallLog call, CancellationToken ct);

    Task<RspResult> CancelSession(CancelSessionRequest request, CallLog call, CancellationToken ct);
}
