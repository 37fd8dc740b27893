using System.Text.Json;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es2Plus;

/// <summary>statusCodeData of a failed function (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record StatusCodeData(string SubjectCode, string ReasonCode, string? SubjectIdentifier, string? Message)
{
    /// <summary>The named code of FunctionStatusCodes, when the table knows it.</summary>
    public StatusCode? Known => FunctionStatusCodes.Find(SubjectCode, ReasonCode);

    public bool Matches(StatusCode code) => code.Matches(SubjectCode, ReasonCode);

    /// <summary>As the spec writes it: "8.2.1 / 3.9".</summary>
    public override string ToString() => $"{SubjectCode} / {ReasonCode}";
}

/// <summary>header.functionExecutionStatus (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record FunctionExecutionStatus(string Status, StatusCodeData? StatusCodeData)
{
    public bool IsSuccess => Status is FunctionExecutionStatusValues.ExecutedSuccess or FunctionExecutionStatusValues.ExecutedWithWarning;

    public override string ToString() => StatusCodeData is null ? Status : $"{Status} {StatusCodeData}";
}

/// <summary>
/// An ES2+ answer: the function execution status, the typed result when the function succeeded, and
/// the raw body for anything a test wants to look at.
/// </summary>
public sealed record Es2PlusResponse<T>(FunctionExecutionStatus ExecutionStatus, T? Result, JsonElement Body, HttpExchange Exchange)
    where T : class;
