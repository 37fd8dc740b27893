using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Http;

/// <summary>statusCodeData (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record StatusCodeData(string SubjectCode, string ReasonCode, string? SubjectIdentifier = null, string? Message = null);

/// <summary>functionExecutionStatus (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record FunctionExecutionStatus(string Status, StatusCodeData? StatusCodeData = null)
{
    public static FunctionExecutionStatus Success { get; } = new(FunctionExecutionStatusValues.ExecutedSuccess);

    public static FunctionExecutionStatus Failed(StatusCode code, string? message = null, string? subjectIdentifier = null) =>
        new(FunctionExecutionStatusValues.Failed,
            new StatusCodeData(code.SubjectCode, code.ReasonCode, subjectIdentifier, message ?? code.Meaning));
}

/// <summary>The response header (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record ResponseHeader(FunctionExecutionStatus FunctionExecutionStatus);

/// <summary>The ES2+ request header (SGP.22 v2.5 §6.5.1.3).</summary>
public sealed record RequestHeader(string FunctionRequesterIdentifier, string FunctionCallIdentifier);

/// <summary>The JSON conventions of the binding: spec field names in camelCase, absent optional fields omitted.</summary>
public static class RspJson
{
    public const string MediaType = "application/json";

    /// <summary>The Content-Type of every JSON response.</summary>
    public const string ContentType = "application/json;charset=UTF-8";

    public const string AdminProtocolHeader = "X-Admin-Protocol";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Base64 carries '+' and '/': the default encoder writes '+' as \u002B (HTML-safe, not needed in an API
        // body), which costs an escaping pass and six bytes each. JSON readers see the same string either way.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
