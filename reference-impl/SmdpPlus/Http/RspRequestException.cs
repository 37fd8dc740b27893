using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Http;

/// <summary>A request the function refuses, with the status code it answers (HTTP 200, status Failed).</summary>
public sealed class RspRequestException(StatusCode code, string? message = null, string? subjectIdentifier = null)
    : Exception(message ?? code.Meaning)
{
    public StatusCode Code { get; } = code;
    public string? SubjectIdentifier { get; } = subjectIdentifier;
}
