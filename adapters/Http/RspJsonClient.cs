using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Http;

/// <summary>A JSON-binding answer: the function execution status, the whole body, and the HTTP answer.</summary>
public sealed record RspJsonAnswer(FunctionExecutionStatus Status, JsonElement Body, RspHttpResponse Http);

/// <summary>
/// The HTTP/JSON binding of SGP.22 v2.5 §6.5.1 on the client side: POST with Content-Type application/json,
/// X-Admin-Protocol and User-Agent; the answer must be HTTP 200, application/json, a JSON object with
/// header.functionExecutionStatus, and carry X-Admin-Protocol. Anything else is a typed
/// <see cref="RspTransportException"/> with the body attached. Shared by the ES9+ and ES2+ clients.
/// </summary>
public sealed class RspJsonClient(RspHttpTransport transport, RspJsonClientOptions? options = null)
{
    private readonly RspJsonClientOptions _options = options ?? new RspJsonClientOptions();

    public RspHttpTransport Transport => transport;

    public RspJsonClientOptions Options => _options;

    /// <summary>POSTs a JSON object and returns the parsed answer of a function that answers with a body.</summary>
    public Task<RspJsonAnswer> PostAsync(string path, JsonObject body, string label, CancellationToken ct) =>
        PostTextAsync(path, body.ToJsonString(), label, ct);

    /// <summary>POSTs any text as the JSON body (for deliberately malformed requests) and parses the answer.</summary>
    public async Task<RspJsonAnswer> PostTextAsync(string path, string body, string label, CancellationToken ct)
    {
        RspHttpResponse http = await SendAsync(path, body, label, ct).ConfigureAwait(false);
        return Parse(http, label);
    }

    /// <summary>
    /// POSTs a JSON object to a function that answers HTTP 204 with no body (ES9+ HandleNotification,
    /// SGP.22 §6.5.2.9; ES2+ HandleDownloadProgressInfo). Any other answer is a typed failure.
    /// </summary>
    public async Task<RspHttpResponse> PostExpectingNoContentAsync(string path, JsonObject body, string label, CancellationToken ct)
    {
        RspHttpResponse http = await SendAsync(path, body.ToJsonString(), label, ct).ConfigureAwait(false);
        Uri url = http.Exchange.Url!;
        if (http.StatusCode != HttpStatusCode.NoContent)
        {
            throw Fail(RspTransportFailure.HttpStatus, http,
                $"{label}: {url} answered HTTP {(int)http.StatusCode} where the binding prescribes 204 No Content{Excerpt(http.Body)}.");
        }
        if (http.Body.Length != 0)
        {
            throw Fail(RspTransportFailure.UnexpectedBody, http, $"{label}: {url} answered 204 with a {http.Body.Length}-byte body, where none is allowed.");
        }
        CheckAdminProtocol(http, label);
        return http;
    }

    private Task<RspHttpResponse> SendAsync(string path, string body, string label, CancellationToken ct)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(RspMediaTypes.AdminProtocolHeader, _options.AdminProtocol),
            new("User-Agent", _options.UserAgent),
            new("Accept", RspMediaTypes.Json),
        };
        return transport.PostAsync(path, Encoding.UTF8.GetBytes(body), _options.RequestContentType, headers, label, ct);
    }

    private RspJsonAnswer Parse(RspHttpResponse http, string label)
    {
        Uri url = http.Exchange.Url!;
        if (http.StatusCode != HttpStatusCode.OK)
        {
            throw Fail(RspTransportFailure.HttpStatus, http, HasFunctionExecutionStatus(http.Body)
                ? $"{label}: {url} answered HTTP {(int)http.StatusCode} where the binding prescribes 200{Excerpt(http.Body)}."
                : $"{label}: {url} answered HTTP {(int)http.StatusCode} without an SGP.22 functionExecutionStatus{Excerpt(http.Body)}.");
        }
        if (http.MediaType != RspMediaTypes.Json)
        {
            throw Fail(RspTransportFailure.WrongContentType, http,
                $"{label}: {url} answered Content-Type '{http.ContentType ?? "(none)"}' where the binding prescribes application/json{Excerpt(http.Body)}.");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(http.Body);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(RspTransportFailure.NotJson, http, $"{label}: {url} answered a body that is not UTF-8 text, so not JSON.");
        }
        string trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            throw Fail(RspTransportFailure.NotJson, http, $"{label}: {url} answered a body that is not JSON{Excerpt(http.Body)}.");
        }
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Fail(RspTransportFailure.InvalidJson, http, $"{label}: {url} answered invalid JSON: {JsonProblem(e)}.");
        }
        FunctionExecutionStatus status = ReadStatus(root, http, label);
        CheckAdminProtocol(http, label);
        return new RspJsonAnswer(status, root, http);
    }

    private static FunctionExecutionStatus ReadStatus(JsonElement root, RspHttpResponse http, string label)
    {
        string where = $"{label}: the answer of {http.Exchange.Url}";
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(RspTransportFailure.InvalidJson, http, $"{where} is a JSON {root.ValueKind}, not an object.");
        }
        JsonElement fes = Object(Object(root, "header", where, http), "functionExecutionStatus", where + " header", http);
        string status = String(fes, "status", where + " header.functionExecutionStatus", http, required: true)!;
        if (!FunctionExecutionStatusValues.All.Contains(status))
        {
            throw Fail(RspTransportFailure.InvalidJson, http, $"{where} has status '{status}', none of {string.Join(", ", FunctionExecutionStatusValues.All)}.");
        }
        if (!fes.TryGetProperty("statusCodeData", out JsonElement scd) || scd.ValueKind == JsonValueKind.Null)
        {
            if (status == FunctionExecutionStatusValues.Failed)
            {
                throw Fail(RspTransportFailure.InvalidJson, http, $"{where} is Failed without statusCodeData.");
            }
            return new FunctionExecutionStatus(status);
        }
        string path = where + " header.functionExecutionStatus.statusCodeData";
        if (scd.ValueKind != JsonValueKind.Object)
        {
            throw Fail(RspTransportFailure.InvalidJson, http, $"{path} is a JSON {scd.ValueKind}, not an object.");
        }
        return new FunctionExecutionStatus(status,
            String(scd, "subjectCode", path, http, required: true),
            String(scd, "reasonCode", path, http, required: true),
            String(scd, "subjectIdentifier", path, http, required: false),
            String(scd, "message", path, http, required: false));
    }

    private void CheckAdminProtocol(RspHttpResponse http, string label)
    {
        // SGP.22 v2.5 §6.5.1: the response carries X-Admin-Protocol.
        if (_options.RequireAdminProtocolHeader && http.Header(RspMediaTypes.AdminProtocolHeader) is null)
        {
            throw new RspTransportException(RspTransportFailure.MissingHeader,
                $"{label}: {http.Exchange.Url} answered without the {RspMediaTypes.AdminProtocolHeader} header.")
            {
                Name = RspMediaTypes.AdminProtocolHeader,
                StatusCode = http.StatusCode,
                ContentType = http.ContentType,
                Body = http.Body,
                Exchange = http.Exchange,
            };
        }
    }

    private static JsonElement Object(JsonElement parent, string name, string where, RspHttpResponse http)
    {
        if (!parent.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            throw Fail(RspTransportFailure.InvalidJson, http, $"{where} has no '{name}' object.");
        }
        return e.ValueKind == JsonValueKind.Object ? e : throw Fail(RspTransportFailure.InvalidJson, http, $"{where} has '{name}' as a JSON {e.ValueKind}, not an object.");
    }

    private static string? String(JsonElement parent, string name, string where, RspHttpResponse http, bool required)
    {
        if (!parent.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Fail(RspTransportFailure.InvalidJson, http, $"{where} has no '{name}'.") : null;
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString() : throw Fail(RspTransportFailure.InvalidJson, http, $"{where} has '{name}' as a JSON {e.ValueKind}, not a string.");
    }

    /// <summary>"'o' is an invalid start of a value at byte 37": the parser's sentence with its position as one offset.</summary>
    private static string JsonProblem(JsonException e)
    {
        string what = e.Message;
        int cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        what = (cut >= 0 ? what[..cut] : what).Trim().TrimEnd('.');
        return e.LineNumber is 0 or null
            ? FormattableString.Invariant($"{what} at byte {e.BytePositionInLine ?? 0}")
            : FormattableString.Invariant($"{what} at line {e.LineNumber + 1}, byte {e.BytePositionInLine ?? 0} of that line");
    }

    /// <summary>Whether a body (of a non-200 answer) is JSON carrying header.functionExecutionStatus.</summary>
    private static bool HasFunctionExecutionStatus(byte[] body)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("header", out JsonElement h) && h.ValueKind == JsonValueKind.Object
                && h.TryGetProperty("functionExecutionStatus", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static RspTransportException Fail(RspTransportFailure kind, RspHttpResponse http, string message) =>
        new(kind, message) { StatusCode = http.StatusCode, ContentType = http.ContentType, Body = http.Body, Exchange = http.Exchange };

    /// <summary>": &lt;html&gt;..." — the first characters of a body, for the one-sentence message.</summary>
    internal static string Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return " (empty body)";
        }
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80)).ReplaceLineEndings(" ").Trim();
        return $" (body starts '{text}{(body.Length > 80 ? "..." : "")}')";
    }
}

/// <summary>Client-side settings of the JSON binding.</summary>
public sealed record RspJsonClientOptions
{
    /// <summary>X-Admin-Protocol sent (SGP.22 §6.5.1: gsma/rsp/v&lt;x.y.z&gt;).</summary>
    public string AdminProtocol { get; init; } = RspMediaTypes.DefaultAdminProtocol;

    public string UserAgent { get; init; } = RspMediaTypes.LpaUserAgent;

    /// <summary>The request Content-Type (SGP.22: application/json); a test may send another deliberately.</summary>
    public string RequestContentType { get; init; } = RspMediaTypes.Json;

    /// <summary>Fail an answer without X-Admin-Protocol (SGP.22 §6.5.1 requires it).</summary>
    public bool RequireAdminProtocolHeader { get; init; } = true;
}
