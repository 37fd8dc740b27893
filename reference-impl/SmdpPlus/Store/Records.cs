namespace Conformance.SmdpPlus.Store;

/// <summary>A profile in the inventory with the metadata the SM-DP+ sends in StoreMetadata (SGP.22 §5.5.3).</summary>
public sealed record ProfileRecord
{
    public required string Iccid { get; init; }
    public required string ProfileType { get; init; }
    public SmdpProfileState State { get; init; } = SmdpProfileState.Available;
    /// <summary>The unprotected profile package (SAIP DER), or null when <see cref="UppPath"/> names a file.</summary>
    public byte[]? Upp { get; init; }
    public string? UppPath { get; init; }
    public string? ProfileName { get; init; }
    public string? ServiceProviderName { get; init; }
    /// <summary>ProfileClass (test 0, provisioning 1, operational 2).</summary>
    public int? ProfileClass { get; init; }
    /// <summary>Profile policy rules as the PprIds bit string value, or null.</summary>
    public int? ProfilePolicyRules { get; init; }
    /// <summary>Notification configuration (NotificationConfigurationInformation) as JSON.</summary>
    public string? NotificationConfigurationJson { get; init; }
}

/// <summary>An ES2+ order on one profile (DownloadOrder, then ConfirmOrder).</summary>
public sealed record OrderRecord
{
    public required string Iccid { get; init; }
    public string? Eid { get; init; }
    /// <summary>Null before ConfirmOrder; "" when the operator confirmed with an empty MatchingID.</summary>
    public string? MatchingId { get; init; }
    /// <summary>SHA-256 of the confirmation code (what the eUICC's hashCC is built from, SGP.22 §3.1.3.1 / §5.6.3).</summary>
    public byte[]? ConfirmationCodeHash { get; init; }
    public string? SmdsAddress { get; init; }
    public bool ReleaseFlag { get; init; }
    public int ConfirmationCodeAttemptsLeft { get; init; }
    public int DownloadAttemptsLeft { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// transactionId of the RSP session that may bind this order: the one of its latest AuthenticateClient (null before
    /// the first). Written only by <see cref="StoreTransaction.AssignOrderToSessionAsync"/>; <see cref="StoreTransaction.SaveOrderAsync"/> keeps it.
    /// </summary>
    public string? SessionId { get; init; }
}

/// <summary>States of an ES9+ download session.</summary>
public enum DownloadSessionState
{
    /// <summary>InitiateAuthentication answered.</summary>
    Initiated,
    /// <summary>AuthenticateClient answered.</summary>
    Authenticated,
    /// <summary>GetBoundProfilePackage answered.</summary>
    BppDelivered,
    /// <summary>ProfileInstallationResult received.</summary>
    Completed,
    /// <summary>CancelSession received or order cancelled.</summary>
    Cancelled,
}

/// <summary>An ES9+ RSP session (SGP.22 §5.6), kept in the store so that it survives a restart.</summary>
public sealed record DownloadSession
{
    /// <summary>Hex of the TransactionId octets (SGP.22 §6.5.2: transactionId travels as hex).</summary>
    public required string TransactionId { get; init; }
    public DownloadSessionState State { get; init; } = DownloadSessionState.Initiated;
    public string? Iccid { get; init; }
    public string? Eid { get; init; }
    public string? MatchingId { get; init; }
    public byte[]? EuiccChallenge { get; init; }
    public byte[]? ServerChallenge { get; init; }
    public byte[]? EuiccInfo1 { get; init; }
    public byte[]? CiPkId { get; init; }
    /// <summary>otPK.EUICC.ECKA from PrepareDownloadResponse.</summary>
    public byte[]? OtPkEuicc { get; init; }
    /// <summary>otSK.DP.ECKA (the SM-DP+'s one-time private key).</summary>
    public byte[]? OtSkDp { get; init; }
    /// <summary>otPK.DP.ECKA.</summary>
    public byte[]? OtPkDp { get; init; }
    /// <summary>Session keys (S-ENC || S-MAC || initial MCV, or whatever the BSP layer stores).</summary>
    public byte[]? SessionKeys { get; init; }
    /// <summary>The bound profile package delivered, kept for a retry with the same otPK.EUICC.</summary>
    public byte[]? BoundProfilePackage { get; init; }
    /// <summary>CERT.EUICC.ECDSA received in AuthenticateClient: verifies euiccSignature2, the PIR and CancelSession.</summary>
    public byte[]? EuiccCertificate { get; init; }
    /// <summary>ccRequiredFlag sent in smdpSigned2.</summary>
    public bool CcRequired { get; init; }
    /// <summary>profileMetadata (StoreMetadataRequest DER) sent in AuthenticateClient; the BPP's 88 segments carry the same.</summary>
    public byte[]? ProfileMetadata { get; init; }
    /// <summary>PPK-ENC || PPK-MAC || initial MCV when the BPP was protected with profile protection keys.</summary>
    public byte[]? Ppk { get; init; }
    /// <summary>bppEuiccOtpk offered in smdpSigned2 (the otPK.EUICC of an earlier binding of the same order), or null.</summary>
    public byte[]? BppEuiccOtpk { get; init; }
    /// <summary>smdpSignature2 sent in AuthenticateClient: euiccSignature2 covers it (SGP.22 §5.7.5).</summary>
    public byte[]? SmdpSignature2 { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A notification received by ES9+ HandleNotification, stored raw.</summary>
public sealed record ReceivedNotification
{
    public long Id { get; init; }
    public string? TransactionId { get; init; }
    public string? Iccid { get; init; }
    public string? Eid { get; init; }
    /// <summary>Notification kind, e.g. profileInstallationResult, install, enable, disable, delete.</summary>
    public required string Kind { get; init; }
    public int? SequenceNumber { get; init; }
    public required byte[] PendingNotification { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
