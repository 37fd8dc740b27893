using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es2Plus;

/// <summary>
/// The operator's side of ES2+ (SGP.22 v2.5 §5.3) over the JSON binding (§6.5.1, §6.5.2): HTTPS POST to
/// /gsma/rsp2/es2plus/&lt;function&gt; with mutual TLS, a request header {functionRequesterIdentifier,
/// functionCallIdentifier}, and a typed answer carrying header.functionExecutionStatus. The calls go through the
/// adapters' <see cref="RspHttpTransport"/>, as ES9+ does: bounded by the timeout, never retried, the server
/// certificate checked against the configured roots only and the URL's host, failures said in one sentence, and
/// every exchange, successful or not, given to the recorder.
/// </summary>
public sealed class Es2PlusClient : IDisposable
{
    public const string BasePath = "/gsma/rsp2/es2plus/";
    private const string Interface = "ES2+";

    private readonly Es2PlusClientOptions _options;
    private readonly RspHttpTransport _transport;
    private long _calls;

    /// <param name="options">Where and how to connect.</param>
    /// <param name="recorder">Receives every exchange (for reports); null records nothing.</param>
    public Es2PlusClient(Es2PlusClientOptions options, IExchangeRecorder? recorder = null)
        : this(options, SmdpHttpClientFactory.CreateTransport(HttpOptions(options), recorder))
    {
    }

    /// <summary>Over a handler of the tests' own (no TLS, no sockets): the options' certificates are not used.</summary>
    internal Es2PlusClient(Es2PlusClientOptions options, IExchangeRecorder? recorder, HttpMessageHandler handler)
        : this(options, new RspHttpTransport(HttpOptions(options), recorder ?? NullExchangeRecorder.Instance, handler))
    {
    }

    private Es2PlusClient(Es2PlusClientOptions options, RspHttpTransport transport)
    {
        _options = options;
        _transport = transport;
    }

    /// <summary>ES2+.DownloadOrder (SGP.22 v2.5 §5.3.1, §6.5.2.1).</summary>
    public Task<Es2PlusResponse<DownloadOrderResult>> DownloadOrderAsync(DownloadOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Fields(("eid", request.Eid), ("iccid", request.Iccid), ("profileType", request.ProfileType));
        return CallAsync("DownloadOrder", "downloadOrder", body, b => new DownloadOrderResult(RequiredString(b, "iccid")), ct);
    }

    /// <summary>ES2+.ConfirmOrder (SGP.22 v2.5 §5.3.2, §6.5.2.2).</summary>
    public Task<Es2PlusResponse<ConfirmOrderResult>> ConfirmOrderAsync(ConfirmOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Fields(("iccid", request.Iccid), ("eid", request.Eid), ("matchingId", request.MatchingId),
            ("confirmationCode", request.ConfirmationCode), ("smdsAddress", request.SmdsAddress));
        body["releaseFlag"] = request.ReleaseFlag;
        return CallAsync("ConfirmOrder", "confirmOrder", body,
            b => new ConfirmOrderResult(OptionalString(b, "eid"), RequiredString(b, "matchingId"), OptionalString(b, "smdpAddress")), ct);
    }

    /// <summary>ES2+.CancelOrder (SGP.22 v2.5 §5.3.3, §6.5.2.3).</summary>
    public Task<Es2PlusResponse<HeaderOnlyResult>> CancelOrderAsync(CancelOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Fields(("iccid", request.Iccid), ("eid", request.Eid), ("matchingId", request.MatchingId),
            ("finalProfileStatusIndicator", request.FinalProfileStatusIndicator));
        return CallAsync<HeaderOnlyResult>("CancelOrder", "cancelOrder", body, _ => HeaderOnlyResult.Instance, ct);
    }

    /// <summary>ES2+.ReleaseProfile (SGP.22 v2.5 §5.3.4, §6.5.2.4).</summary>
    public Task<Es2PlusResponse<HeaderOnlyResult>> ReleaseProfileAsync(ReleaseProfileRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync<HeaderOnlyResult>("ReleaseProfile", "releaseProfile", Fields(("iccid", request.Iccid)), _ => HeaderOnlyResult.Instance, ct);
    }

    /// <summary>
    /// Sends any body to any ES2+ path (the header is added); for negative tests with malformed requests.
    /// The answer must still be a function answer.
    /// </summary>
    public Task<Es2PlusResponse<HeaderOnlyResult>> SendAsync(string function, string path, JsonObject body, CancellationToken ct = default) =>
        CallAsync<HeaderOnlyResult>(function, path, body, _ => HeaderOnlyResult.Instance, ct);

    private async Task<Es2PlusResponse<T>> CallAsync<T>(string function, string path, JsonObject fields, Func<JsonElement, T> result, CancellationToken ct)
        where T : class
    {
        var body = new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["functionRequesterIdentifier"] = _options.FunctionRequesterIdentifier,
                ["functionCallIdentifier"] = NewCallIdentifier(),
            },
        };
        foreach ((string name, JsonNode? value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        byte[] json = Encoding.UTF8.GetBytes(body.ToJsonString());
        RspHttpResponse response;
        try
        {
            response = await _transport.PostAsync(BasePath + path, json, "application/json;charset=UTF-8",
                [KeyValuePair.Create(RspMediaTypes.AdminProtocolHeader, _options.AdminProtocol)], $"{Interface} {function}", ct).ConfigureAwait(false);
        }
        catch (RspTransportException e)
        {
            throw new Es2PlusTransportException(function, e.Message, e.Exchange!, e);
        }

        return Parse(function, response, Encoding.UTF8.GetString(response.Body), response.Exchange, result);
    }

    private static Es2PlusResponse<T> Parse<T>(string function, RspHttpResponse response, string text, RecordedExchange exchange, Func<JsonElement, T> result)
        where T : class
    {
        // SGP.22 §6.5.1: a function answer is HTTP 200 with a JSON body carrying header.functionExecutionStatus.
        if ((int)response.StatusCode != 200)
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the SM-DP+ answered HTTP {(int)response.StatusCode}, not 200 with a function answer", exchange);
        }

        if (response.MediaType is not "application/json")
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the answer's Content-Type is '{response.ContentType}', not application/json", exchange);
        }

        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the answer is not JSON ({e.Message})", exchange, e);
        }

        FunctionExecutionStatus status = ReadStatus(function, root, exchange);
        T? typed = default;
        if (status.IsExecuted)
        {
            try
            {
                typed = result(root);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new Es2PlusProtocolException(function, $"ES2+ {function}: successful answer without its data: {e.Message}", exchange, e);
            }
        }

        return new Es2PlusResponse<T>(function, status, typed, root, exchange);
    }

    private static FunctionExecutionStatus ReadStatus(string function, JsonElement root, RecordedExchange exchange)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("header", out JsonElement header) ||
            header.ValueKind != JsonValueKind.Object || !header.TryGetProperty("functionExecutionStatus", out JsonElement fes) ||
            fes.ValueKind != JsonValueKind.Object)
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the answer has no header.functionExecutionStatus object", exchange);
        }

        string status = OptionalString(fes, "status") ?? throw new Es2PlusProtocolException(function,
            $"ES2+ {function}: header.functionExecutionStatus.status is missing", exchange);
        if (!Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.All.Contains(status))
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: functionExecutionStatus.status '{status}' is none of {string.Join(", ", Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.All)}", exchange);
        }

        if (fes.TryGetProperty("statusCodeData", out JsonElement scd) && scd.ValueKind == JsonValueKind.Object)
        {
            return new FunctionExecutionStatus(status, OptionalString(scd, "subjectCode") ?? "", OptionalString(scd, "reasonCode") ?? "",
                OptionalString(scd, "subjectIdentifier"), OptionalString(scd, "message"));
        }

        return new FunctionExecutionStatus(status);
    }

    private static JsonObject Fields(params (string Name, string? Value)[] fields)
    {
        var o = new JsonObject();
        foreach ((string name, string? value) in fields)
        {
            if (value is not null)
            {
                o[name] = value;
            }
        }

        return o;
    }

    private static string RequiredString(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw new KeyNotFoundException($"{name} is missing");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private string NewCallIdentifier() =>
        FormattableString.Invariant($"{Guid.NewGuid():N}-{Interlocked.Increment(ref _calls)}");

    /// <summary>
    /// The transport's options: the server certificate must chain to <see cref="Es2PlusClientOptions.TrustedRoots"/> and name
    /// the URL's host, or <see cref="Es2PlusClientOptions.TlsName"/> (SGP.22 §2.6.6: ES2+ is TLS with mutual authentication); the
    /// operator's certificate goes with every handshake.
    /// </summary>
    private static SmdpHttpOptions HttpOptions(Es2PlusClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SmdpHttpOptions
        {
            BaseAddress = options.BaseAddress,
            SmdpAddress = options.TlsName,
            TrustedRoots = options.TrustedRoots,
            ClientCertificate = options.ClientCertificate,
            ConnectTo = options.ConnectTo,
            Timeout = options.Timeout,
            ConnectTimeout = options.Timeout,
        };
    }

    public void Dispose() => _transport.Dispose();
}
