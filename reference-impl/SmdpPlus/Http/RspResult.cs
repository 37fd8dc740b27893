using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Http;

/// <summary>What a function answers: a body with status Executed-Success, Failed with a status code, or 204.</summary>
public abstract record RspResult
{
    private RspResult()
    {
    }

    /// <summary>Executed-Success with the function's output fields (the header is added by the binding).</summary>
    public sealed record Success(object Body) : RspResult;

    /// <summary>Failed with a status code (HTTP 200, SGP.22 §6.5.1.4).</summary>
    public sealed record Failure(StatusCode Code, string? Message = null, string? SubjectIdentifier = null) : RspResult;

    /// <summary>HTTP 204 with no body (HandleNotification, SGP.22 §6.5.2.4).</summary>
    public sealed record NoContent : RspResult;

    public static RspResult Ok(object body) => new Success(body);

    public static RspResult Fail(StatusCode code, string? message = null, string? subjectIdentifier = null) =>
        new Failure(code, message, subjectIdentifier);

    public static RspResult Empty { get; } = new NoContent();
}

/// <summary>The (empty) success body of functions whose response is the header alone (CancelSession, CancelOrder, ReleaseProfile).</summary>
public sealed record HeaderOnlyResponse;

/// <summary>The per-call record behind the one log line of each ES9+/ES2+ call.</summary>
public sealed class CallLog(string iface, string function)
{
    public string Interface { get; } = iface;
    public string Function { get; } = function;

    /// <summary>The identifier the call is about: "transactionId=..." or "iccid=...".</summary>
    public string Subject { get; set; } = "-";
}
