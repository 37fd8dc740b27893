using System.Text.RegularExpressions;
using Conformance.SmdpPlus.Http;

namespace Conformance.SmdpPlus.Es2Plus;

// ES2+ requests and responses in the JSON binding (SGP.22 v2.5 §5.3, §6.5.2.1–§6.5.2.5). Every request
// carries the header of §6.5.1.3; responses carry functionExecutionStatus (added by the binding).

/// <summary>Field formats shared by the ES2+ requests.</summary>
internal static partial class Es2PlusFormats
{
    /// <summary>EID: 32 decimal digits (SGP.29).</summary>
    public static string? Eid(JsonFields f) => Check(f, "eid", f.OptionalString("eid"), EidRegex(), "must be 32 decimal digits");

    /// <summary>ICCID: 18 to 20 digits, a 19-digit ICCID may carry the padding F.</summary>
    public static string? Iccid(JsonFields f) =>
        Check(f, "iccid", f.OptionalString("iccid")?.ToUpperInvariant(), IccidRegex(), "must be 18 to 20 digits");

    public static string RequiredIccid(JsonFields f) => Iccid(f) ?? throw f.Missing("iccid");

    /// <summary>
    /// MatchingID (SGP.22 §4.1): upper-case alphanumerics and '-' only, so that it fits an Activation Code;
    /// empty is allowed and meaningful (ConfirmOrder §5.3.2).
    /// </summary>
    public static string? MatchingId(JsonFields f) =>
        Check(f, "matchingId", f.OptionalString("matchingId"), MatchingIdRegex(), "must contain only 0-9, A-Z and '-'");

    private static string? Check(JsonFields f, string name, string? value, Regex format, string problem) =>
        value is null || format.IsMatch(value) ? value : throw f.Invalid(name, problem);

    [GeneratedRegex("^[0-9]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex EidRegex();

    [GeneratedRegex("^([0-9]{18,20}|[0-9]{19}F)$", RegexOptions.CultureInvariant)]
    private static partial Regex IccidRegex();

    [GeneratedRegex("^[0-9A-Z-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MatchingIdRegex();
}

/// <summary>DownloadOrder request (SGP.22 §5.3.1, §6.5.2.1).</summary>
public sealed record DownloadOrderRequest(RequestHeader Header, string? Eid, string? Iccid, string? ProfileType)
{
    public static DownloadOrderRequest Parse(JsonFields f) =>
        new(f.RequiredHeader(), Es2PlusFormats.Eid(f), Es2PlusFormats.Iccid(f), f.OptionalString("profileType"));
}

/// <summary>DownloadOrder response.</summary>
public sealed record DownloadOrderResponse(string Iccid);

/// <summary>ConfirmOrder request (SGP.22 §5.3.2, §6.5.2.2).</summary>
public sealed record ConfirmOrderRequest(RequestHeader Header, string Iccid, string? Eid, string? MatchingId,
    string? ConfirmationCode, string? SmdsAddress, bool ReleaseFlag)
{
    public static ConfirmOrderRequest Parse(JsonFields f) =>
        new(f.RequiredHeader(), Es2PlusFormats.RequiredIccid(f), Es2PlusFormats.Eid(f), Es2PlusFormats.MatchingId(f),
            f.OptionalString("confirmationCode"), f.OptionalString("smdsAddress"), f.RequiredBool("releaseFlag"));
}

/// <summary>ConfirmOrder response.</summary>
public sealed record ConfirmOrderResponse(string? Eid, string MatchingId, string? SmdpAddress);

/// <summary>CancelOrder request (SGP.22 §5.3.3, §6.5.2.3).</summary>
public sealed record CancelOrderRequest(RequestHeader Header, string Iccid, string? Eid, string? MatchingId,
    string FinalProfileStatusIndicator)
{
    public const string Available = "Available";
    public const string Unavailable = "Unavailable";

    public static CancelOrderRequest Parse(JsonFields f)
    {
        var r = new CancelOrderRequest(f.RequiredHeader(), Es2PlusFormats.RequiredIccid(f), Es2PlusFormats.Eid(f),
            Es2PlusFormats.MatchingId(f), f.RequiredString("finalProfileStatusIndicator"));
        return r.FinalProfileStatusIndicator is Available or Unavailable ? r
            : throw f.Invalid("finalProfileStatusIndicator", $"must be '{Available}' or '{Unavailable}'");
    }
}

/// <summary>ReleaseProfile request (SGP.22 §5.3.4, §6.5.2.4).</summary>
public sealed record ReleaseProfileRequest(RequestHeader Header, string Iccid)
{
    public static ReleaseProfileRequest Parse(JsonFields f) => new(f.RequiredHeader(), Es2PlusFormats.RequiredIccid(f));
}

/// <summary>The status of a notification point in HandleDownloadProgressInfo.</summary>
public sealed record NotificationPointStatus(string Status, StatusCodeData? StatusCodeData = null);

/// <summary>
/// HandleDownloadProgressInfo, sent by the SM-DP+ to the operator (SGP.22 §5.3.5, §6.5.2.5).
/// timestamp is "YYYY-MM-DDThh:mm:ssZ"; resultData is base64 (e.g. the ProfileInstallationResult).
/// </summary>
public sealed record HandleDownloadProgressInfoRequest(RequestHeader Header, string? Eid, string Iccid, string ProfileType,
    string Timestamp, int NotificationPointId, NotificationPointStatus NotificationPointStatus, string? ResultData = null);

/// <summary>Notification point identifiers of HandleDownloadProgressInfo (SGP.22 §5.3.5).</summary>
public enum NotificationPoint
{
    EligibilityAndRetryLimitCheck = 1,
    ConfirmationFailure = 2,
    BppDownload = 3,
    BppInstallation = 4,
}
