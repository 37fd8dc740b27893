namespace Conformance.Adapters.Es2Plus;

// The ES2+ requests the operator sends (SGP.22 v2.5 §5.3.1–§5.3.4, JSON binding §6.5.2.1–§6.5.2.4).
// The header {functionRequesterIdentifier, functionCallIdentifier} is added by Es2PlusClient.
// Optional fields left null are not sent.

/// <summary>ES2+.DownloadOrder (SGP.22 v2.5 §5.3.1): reserve a profile by ICCID or by profile type, optionally for an EID.</summary>
public sealed record DownloadOrderRequest(string? Eid = null, string? Iccid = null, string? ProfileType = null);

/// <summary>ES2+.ConfirmOrder (SGP.22 v2.5 §5.3.2).</summary>
public sealed record ConfirmOrderRequest(string Iccid, bool ReleaseFlag, string? Eid = null, string? MatchingId = null,
    string? ConfirmationCode = null, string? SmdsAddress = null);

/// <summary>ES2+.CancelOrder (SGP.22 v2.5 §5.3.3); finalProfileStatusIndicator is "Available" or "Unavailable".</summary>
public sealed record CancelOrderRequest(string Iccid, string FinalProfileStatusIndicator, string? Eid = null, string? MatchingId = null)
{
    public const string Available = "Available";
    public const string Unavailable = "Unavailable";
}

/// <summary>ES2+.ReleaseProfile (SGP.22 v2.5 §5.3.4).</summary>
public sealed record ReleaseProfileRequest(string Iccid);

/// <summary>What DownloadOrder returns on success: the reserved profile's ICCID.</summary>
public sealed record DownloadOrderResult(string Iccid);

/// <summary>What ConfirmOrder returns on success.</summary>
public sealed record ConfirmOrderResult(string? Eid, string MatchingId, string? SmdpAddress);

/// <summary>The result of a function whose answer is the header only (CancelOrder, ReleaseProfile).</summary>
public sealed record HeaderOnlyResult
{
    public static HeaderOnlyResult Instance { get; } = new();
}
