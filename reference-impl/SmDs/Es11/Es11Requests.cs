using Conformance.SmdpPlus.Http;

namespace Conformance.SmDs.Es11;

/// <summary>ES11.InitiateAuthentication request (SGP.22 v2.5 §5.8.1, §6.5.2).</summary>
public sealed record Es11InitiateAuthenticationRequest(byte[] EuiccChallenge, byte[] EuiccInfo1, string SmdsAddress)
{
    /// <summary>
    /// euiccChallenge (Octet16), euiccInfo1, smdsAddress. An LPA that reuses its ES9+ request towards the SM-DS sends the
    /// address as smdpAddress: accepted when smdsAddress is absent.
    /// </summary>
    public static Es11InitiateAuthenticationRequest Parse(JsonFields f)
    {
        byte[] challenge = f.RequiredBase64("euiccChallenge");
        if (challenge.Length != 16)
        {
            throw f.Invalid("euiccChallenge", $"must be 16 bytes, found {challenge.Length}");
        }
        byte[] info1 = f.RequiredBase64("euiccInfo1");
        string address = f.OptionalString("smdsAddress") ?? f.OptionalString("smdpAddress") ?? throw f.Missing("smdsAddress");
        return new(challenge, info1, address);
    }
}

/// <summary>ES11.AuthenticateClient request (SGP.22 v2.5 §5.8.2, §6.5.2).</summary>
public sealed record Es11AuthenticateClientRequest(string TransactionId, byte[] AuthenticateServerResponse)
{
    public static Es11AuthenticateClientRequest Parse(JsonFields f) =>
        new(Convert.ToHexString(f.RequiredHex("transactionId", 1, 16)), f.RequiredBase64("authenticateServerResponse"));
}

/// <summary>ES11.InitiateAuthentication response (SGP.22 v2.5 §6.5.2): the fields of ES9+'s.</summary>
public sealed record Es11InitiateAuthenticationResponse(
    string TransactionId, string ServerSigned1, string ServerSignature1, string EuiccCiPKIdToBeUsed, string ServerCertificate);
