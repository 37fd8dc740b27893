using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Es9Plus;

/// <summary>
/// The LPA side of ES9+ (SGP.22 v2.5 §5.6), whatever the binding: JSON (§6.5.2, <see cref="Es9PlusJsonClient"/>)
/// or ASN.1 (§6.6, <see cref="Es9PlusAsn1Client"/>). Transport and binding faults throw
/// <see cref="Http.RspTransportException"/>; a function failure reported by the SM-DP+ is a result.
/// </summary>
public interface IEs9PlusClient
{
    /// <summary>ES9+.InitiateAuthentication (SGP.22 §5.6.1).</summary>
    Task<Es9Result<InitiateAuthenticationOkEs9>> InitiateAuthenticationAsync(Es9InitiateAuthenticationRequest request, CancellationToken ct = default);

    /// <summary>ES9+.AuthenticateClient (SGP.22 §5.6.3).</summary>
    Task<Es9Result<AuthenticateClientOk>> AuthenticateClientAsync(Es9AuthenticateClientRequest request, CancellationToken ct = default);

    /// <summary>ES9+.GetBoundProfilePackage (SGP.22 §5.6.2); the BPP is checked to decode strictly.</summary>
    Task<Es9Result<GetBoundProfilePackageOk>> GetBoundProfilePackageAsync(Es9GetBoundProfilePackageRequest request, CancellationToken ct = default);

    /// <summary>ES9+.HandleNotification (SGP.22 §5.6.4): HTTP 204 with no body.</summary>
    Task<Es9Result<Es9NoContent>> HandleNotificationAsync(Es9HandleNotificationRequest request, CancellationToken ct = default);

    /// <summary>ES9+.CancelSession (SGP.22 §5.6.5).</summary>
    Task<Es9Result<Es9NoContent>> CancelSessionAsync(Es9CancelSessionRequest request, CancellationToken ct = default);
}
