using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Http;

/// <summary>
/// header.functionExecutionStatus of a JSON-binding response (SGP.22 v2.5 §6.5.1.4, §5.2.6), as the SUT
/// sent it: status is one of <see cref="FunctionExecutionStatusValues"/>; statusCodeData is present when
/// the function failed.
/// </summary>
public sealed record FunctionExecutionStatus(
    string Status,
    string? SubjectCode = null,
    string? ReasonCode = null,
    string? SubjectIdentifier = null,
    string? Message = null)
{
    public static FunctionExecutionStatus Success { get; } = new(FunctionExecutionStatusValues.ExecutedSuccess);

    /// <summary>Executed-Success or Executed-WithWarning.</summary>
    public bool IsExecuted => Status is FunctionExecutionStatusValues.ExecutedSuccess or FunctionExecutionStatusValues.ExecutedWithWarning;

    public bool IsFailed => Status == FunctionExecutionStatusValues.Failed;

    /// <summary>True when the status is Failed with this subject and reason code.</summary>
    public bool FailedWith(StatusCode code) =>
        IsFailed && SubjectCode is not null && ReasonCode is not null && code.Matches(SubjectCode, ReasonCode);

    /// <summary>The named instance of <see cref="FunctionStatusCodes"/> for the codes, or null.</summary>
    public StatusCode? Known => SubjectCode is not null && ReasonCode is not null ? FunctionStatusCodes.Find(SubjectCode, ReasonCode) : null;

    /// <summary>"Failed 8.8.1 / 3.8 (Invalid SM-DP+ Address)" or "Executed-Success".</summary>
    public override string ToString()
    {
        if (SubjectCode is null && ReasonCode is null)
        {
            return Status;
        }
        string text = $"{Status} {SubjectCode} / {ReasonCode}";
        return Message is null ? text : $"{text} ({Message})";
    }
}
