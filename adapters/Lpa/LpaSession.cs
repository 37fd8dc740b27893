using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Lpa;

/// <summary>
/// The values of one profile download (SGP.22 v2.5 §3.1.3) as the harness-as-LPA collects them, step by step.
/// Each step reads what the previous ones left here, so a test can inspect or replace any value between steps.
/// </summary>
public sealed class LpaSession
{
    /// <summary>The SM-DP+ address sent in InitiateAuthentication (activation code or default address).</summary>
    public required string SmdpAddress { get; set; }

    /// <summary>The MatchingID (AC_Token) put in ctxParams1; null when there is none (default SM-DP+ address).</summary>
    public string? MatchingId { get; set; }

    /// <summary>The confirmation code the end user would enter, if any.</summary>
    public string? ConfirmationCode { get; set; }

    /// <summary>The SM-DP+ OID of the activation code, if it had one.</summary>
    public string? ExpectedSmdpOid { get; set; }

    /// <summary>The DeviceInfo put in ctxParams1.</summary>
    public required DeviceInfo DeviceInfo { get; set; }

    // ---- eUICC values ----
    public byte[]? EuiccChallenge { get; set; }

    /// <summary>EUICCInfo1 decoded and its DER as the eUICC sent it (forwarded unchanged).</summary>
    public Es10Response<EUICCInfo1>? EuiccInfo1 { get; set; }

    // ---- InitiateAuthentication ----
    public Es9Result<InitiateAuthenticationOkEs9>? InitiateAuthenticationResult { get; set; }

    /// <summary>The transactionId the SM-DP+ created (from InitiateAuthentication).</summary>
    public byte[]? TransactionId { get; set; }

    public byte[]? ServerChallenge => InitiateAuthenticationResult?.Value?.ServerSigned1.ServerChallenge;

    // ---- AuthenticateServer / AuthenticateClient ----
    public Es10Response<AuthenticateServerResponse>? AuthenticateServerResult { get; set; }

    public Es9Result<AuthenticateClientOk>? AuthenticateClientResult { get; set; }

    /// <summary>The profile metadata ('BF25') the SM-DP+ sent in AuthenticateClient, decoded.</summary>
    public StoreMetadataRequest? ProfileMetadata { get; set; }

    // ---- PrepareDownload / GetBoundProfilePackage ----
    public Es10Response<PrepareDownloadResponse>? PrepareDownloadResult { get; set; }

    /// <summary>otPK.EUICC.ECKA from euiccSigned2.</summary>
    public byte[]? EuiccOtpk => PrepareDownloadResult?.Value.DownloadResponseOk?.EuiccSigned2.EuiccOtpk;

    public Es9Result<GetBoundProfilePackageOk>? GetBoundProfilePackageResult { get; set; }

    /// <summary>The BPP, decoded strictly.</summary>
    public BoundProfilePackage? BoundProfilePackage { get; set; }

    /// <summary>otPK.DP.ECKA from the BPP's InitialiseSecureChannelRequest.</summary>
    public byte[]? SmdpOtpk => BoundProfilePackage?.InitialiseSecureChannelRequest.SmdpOtpk;

    // ---- LoadBoundProfilePackage and notifications ----
    public LoadBoundProfilePackageResult? LoadResult { get; set; }

    /// <summary>Each pending notification handled: its sequence number and what the SM-DP+ answered.</summary>
    public List<NotificationDelivery> Notifications { get; } = [];
}

/// <summary>One pending notification the LPA delivered (or skipped) and removed (or not).</summary>
public sealed record NotificationDelivery(int SeqNumber, string NotificationAddress, byte[] PendingNotification,
    Es9Result<Es9NoContent>? HandleNotification, Rsp.StatusCodes.NotificationSentResult? Removed, string? Skipped = null);

/// <summary>A step of the LPA flow could not go on: a prerequisite is missing or a function failed.</summary>
public sealed class LpaStepException(string step, string message, Exception? inner = null)
    : Exception($"LPA {step}: {message.TrimEnd('.')}.", inner)
{
    public string Step { get; } = step;
}
