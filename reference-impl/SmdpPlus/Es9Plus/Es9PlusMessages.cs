using Conformance.SmdpPlus.Http;

namespace Conformance.SmdpPlus.Es9Plus;

// ES9+ requests and responses in the JSON binding (SGP.22 v2.5 §6.5.2.6–§6.5.2.10). Binary fields are
// the DER of the ASN.1 object with its tag, base64 on the wire; transactionId is hexadecimal.
// Requests are parsed strictly by a Parse method beside each record; responses serialise with
// the spec's field names (the response header is added by the binding).

/// <summary>InitiateAuthentication request (SGP.22 §5.6.1, §6.5.2.6).</summary>
public sealed record InitiateAuthenticationRequest(byte[] EuiccChallenge, byte[] EuiccInfo1, string SmdpAddress)
{
    public static InitiateAuthenticationRequest Parse(JsonFields f)
    {
        byte[] challenge = f.RequiredBase64("euiccChallenge");
        // euiccChallenge is an Octet16 (SGP.22 §5.6.1).
        if (challenge.Length != 16)
        {
            throw f.Invalid("euiccChallenge", $"must be 16 bytes, found {challenge.Length}");
        }

        return new(challenge, f.RequiredBase64("euiccInfo1"), f.RequiredString("smdpAddress"));
    }
}

/// <summary>InitiateAuthentication response (SGP.22 §6.5.2.6).</summary>
public sealed record InitiateAuthenticationResponse(
    string TransactionId, string ServerSigned1, string ServerSignature1, string EuiccCiPKIdToBeUsed, string ServerCertificate);

/// <summary>AuthenticateClient request (SGP.22 §5.6.3, §6.5.2.8).</summary>
public sealed record AuthenticateClientRequest(string TransactionId, byte[] AuthenticateServerResponse)
{
    public static AuthenticateClientRequest Parse(JsonFields f) =>
        new(TransactionIdOf(f), f.RequiredBase64("authenticateServerResponse"));

    /// <summary>transactionId: TransactionId ::= OCTET STRING (SIZE(1..16)), hexadecimal in JSON; kept as upper-case hex.</summary>
    internal static string TransactionIdOf(JsonFields f) => Convert.ToHexString(f.RequiredHex("transactionId", 1, 16));
}

/// <summary>AuthenticateClient response (SGP.22 §6.5.2.8).</summary>
public sealed record AuthenticateClientResponse(
    string TransactionId, string ProfileMetadata, string SmdpSigned2, string SmdpSignature2, string SmdpCertificate);

/// <summary>GetBoundProfilePackage request (SGP.22 §5.6.2, §6.5.2.7).</summary>
public sealed record GetBoundProfilePackageRequest(string TransactionId, byte[] PrepareDownloadResponse)
{
    public static GetBoundProfilePackageRequest Parse(JsonFields f) =>
        new(AuthenticateClientRequest.TransactionIdOf(f), f.RequiredBase64("prepareDownloadResponse"));
}

/// <summary>GetBoundProfilePackage response (SGP.22 §6.5.2.7).</summary>
public sealed record GetBoundProfilePackageResponse(string TransactionId, string BoundProfilePackage);

/// <summary>HandleNotification request (SGP.22 §5.6.4, §6.5.2.9); answered with HTTP 204.</summary>
public sealed record HandleNotificationRequest(byte[] PendingNotification)
{
    public static HandleNotificationRequest Parse(JsonFields f) => new(f.RequiredBase64("pendingNotification"));
}

/// <summary>CancelSession request (SGP.22 §5.6.5, §6.5.2.10); the response is the header only.</summary>
public sealed record CancelSessionRequest(string TransactionId, byte[] CancelSessionResponse)
{
    public static CancelSessionRequest Parse(JsonFields f) =>
        new(AuthenticateClientRequest.TransactionIdOf(f), f.RequiredBase64("cancelSessionResponse"));
}
