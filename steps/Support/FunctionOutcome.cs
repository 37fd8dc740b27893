using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;

namespace Conformance.Steps.Support;

/// <summary>
/// What one call of a spec function came to, whatever the interface: the function execution status
/// (and statusCodeData) the SUT answered, or the error that kept an answer from arriving. Drivers of
/// every interface (ES2+, ES9+) report calls in this shape so that one set of Then steps
/// ("the SM-DP+ answers Failed with 8.2.1 / 3.9") serves them all.
/// </summary>
public sealed record FunctionOutcome(string Interface, string Function, string? Status, string? SubjectCode, string? ReasonCode, string? Message, Exception? Error)
{
    /// <summary>The ASN.1 binding's error name (ES9+ over §6.6), when that alternative came.</summary>
    public string? AsnBindingError { get; init; }

    /// <summary>The ASN.1 binding's error INTEGER (SGP.22 §6.6), when that alternative came.</summary>
    public int? AsnBindingErrorCode { get; init; }

    public static FunctionOutcome Of<T>(Es2PlusResponse<T> response)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        return Of("ES2+", response.Function, response.ExecutionStatus);
    }

    public static FunctionOutcome Of(Es2PlusException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new("ES2+", error.Function, null, null, null, error.Message, error);
    }

    public static FunctionOutcome Of<T>(Es9Result<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of("ES9+", result.Function, result.Status) with { AsnBindingError = result.AsnBindingErrorName, AsnBindingErrorCode = result.AsnBindingError };
    }

    /// <summary>An exchange that produced no function answer (transport or binding fault).</summary>
    public static FunctionOutcome Of(string @interface, string function, RspTransportException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(@interface, function, null, null, null, error.Message, error);
    }

    private static FunctionOutcome Of(string @interface, string function, FunctionExecutionStatus s) =>
        new(@interface, function, s.Status, s.SubjectCode, s.ReasonCode, s.Message, null);

    public bool Answered => Status is not null;

    /// <summary>"ES2+ ConfirmOrder answered Failed 8.2.6 / 3.3 (MatchingID ... is already used)" or "... got no function answer: ...".</summary>
    public override string ToString()
    {
        if (!Answered)
        {
            return $"{Interface} {Function} got no function answer: {Message}";
        }

        string code = SubjectCode is null ? "" : $" {SubjectCode} / {ReasonCode}";
        string asn = AsnBindingError is null ? ""
            : AsnBindingError.StartsWith("undefined value", StringComparison.Ordinal) ? $" (ASN.1 binding error: {AsnBindingError})"
            : $" (ASN.1 binding error {AsnBindingError}({AsnBindingErrorCode}))";
        string message = Message is null ? "" : $" ({Message})";
        return $"{Interface} {Function} answered {Status}{code}{asn}{message}";
    }
}
