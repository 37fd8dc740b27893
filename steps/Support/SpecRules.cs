using Conformance.Adapters.Http;

namespace Conformance.Steps.Support;

/// <summary>
/// Where SGP.22 v2.5 states what a function must answer, so that a failed expectation names the rule broken:
/// the section of each ES2+ and ES9+ function, and the binding rule an answer that is no function answer breaks.
/// </summary>
public static class SpecRules
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["ES2+ DownloadOrder"] = "§5.3.1",
        ["ES2+ ConfirmOrder"] = "§5.3.2",
        ["ES2+ CancelOrder"] = "§5.3.3",
        ["ES2+ ReleaseProfile"] = "§5.3.4",
        ["ES2+ HandleDownloadProgressInfo"] = "§5.3.5",
        ["ES9+ InitiateAuthentication"] = "§5.6.1",
        ["ES9+ GetBoundProfilePackage"] = "§5.6.2",
        ["ES9+ AuthenticateClient"] = "§5.6.3",
        ["ES9+ HandleNotification"] = "§5.6.4",
        ["ES9+ CancelSession"] = "§5.6.5",
    };

    /// <summary>"SGP.22 §5.6.3" for ES9+ AuthenticateClient; "SGP.22" for a function not in the table.</summary>
    public static string Of(string @interface, string function) =>
        Sections.TryGetValue($"{@interface} {function}", out string? section) ? $"SGP.22 {section}" : "SGP.22";

    /// <summary>The rule an exchange that produced no function answer breaks, or null when it is not a binding fault.</summary>
    public static string? OfTransportFailure(Exception? error) => error switch
    {
        RspTransportException { Kind: not (RspTransportFailure.TlsFailure or RspTransportFailure.MissingHeader), Exchange.Url.AbsolutePath: var path }
            when path.EndsWith(Asn1BindingPath, StringComparison.Ordinal) => Asn1BindingAnswer,
        RspTransportException { Kind: RspTransportFailure.MissingHeader } => "SGP.22 §6.5.1: every response carries the X-Admin-Protocol header",
        RspTransportException { Kind: RspTransportFailure.HttpStatus or RspTransportFailure.WrongContentType or RspTransportFailure.NotJson or RspTransportFailure.InvalidJson or RspTransportFailure.UnexpectedBody } =>
            "SGP.22 §6.5.1: a function answers HTTP 200 with an application/json body carrying header.functionExecutionStatus (204 with no body where the binding says so)",
        RspTransportException { Kind: RspTransportFailure.InvalidField } => "SGP.22 §6.5.2: every field of the answer has the binding's encoding (hex transactionId, base64 of DER)",
        RspTransportException { Kind: RspTransportFailure.TlsFailure } => "SGP.22 §2.6.6: the SM-DP+ authenticates with a CERT.DPtls chaining to a trusted CI",
        _ => null,
    };

    /// <summary>The path of the ES9+ ASN.1 binding (SGP.22 §6.6.1).</summary>
    public const string Asn1BindingPath = "/gsma/rsp2/asn1";

    /// <summary>What an answer over the ASN.1 binding must be (SGP.22 §6.6.1, §6.6.2).</summary>
    public const string Asn1BindingAnswer = "SGP.22 §6.6.1: over the ASN.1 binding a function answers HTTP 200 with Content-Type application/x-gsma-rsp-asn1 " +
        "and the DER of a RemoteProfileProvisioningResponse holding the alternative of the function called (HandleNotification: 204 with no body)";

    /// <summary>"SGP.22 §5.6.3: AuthenticateClient must answer X, but ES9+ AuthenticateClient answered ..." (with the binding rule when no answer came).</summary>
    public static string Expectation(FunctionOutcome outcome, string expected)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string binding = OfTransportFailure(outcome.Error) is { } rule ? $" ({rule})" : "";
        return $"{Of(outcome.Interface, outcome.Function)}: {outcome.Function} must answer {expected}, but {outcome}{binding}";
    }
}
