using Conformance.Adapters.Es2Plus;

namespace Conformance.Steps.Support;

/// <summary>
/// What one call of a spec function came to, whatever the interface: the function execution status
/// (and statusCodeData) the SUT answered, or the error that kept an answer from arriving. Drivers of
/// every interface (ES2+ now, ES9+ next) report calls in this shape so that one set of Then steps
/// ("the SM-DP+ answers Failed with 8.2.1 / 3.9") serves them all.
/// </summary>
public sealed record FunctionOutcome(string Interface, string Function, string? Status, string? SubjectCode, string? ReasonCode, string? Message, Exception? Error)
{
    public static FunctionOutcome Of<T>(Es2PlusResponse<T> response)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        FunctionExecutionStatus s = response.ExecutionStatus;
        return new("ES2+", response.Exchange.Function, s.Status, s.StatusCodeData?.SubjectCode, s.StatusCodeData?.ReasonCode, s.StatusCodeData?.Message, null);
    }

    public static FunctionOutcome Of(Es2PlusException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new("ES2+", error.Exchange.Function, null, null, null, error.Message, error);
    }

    public bool Answered => Status is not null;

    /// <summary>"ES2+ ConfirmOrder answered Failed 8.2.6 / 3.3 (MatchingID ... is already used)" or "... got no function answer: ...".</summary>
    public override string ToString()
    {
        if (!Answered)
        {
            return $"{Interface} {Function} got no function answer: {Message}";
        }

        string code = SubjectCode is null ? "" : $" {SubjectCode} / {ReasonCode}";
        string message = Message is null ? "" : $" ({Message})";
        return $"{Interface} {Function} answered {Status}{code}{message}";
    }
}
