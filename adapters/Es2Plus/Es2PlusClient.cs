using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es2Plus;

/// <summary>
/// The operator's side of ES2+ (SGP.22 v2.5 §5.3) over the JSON binding (§6.5.1, §6.5.2): HTTPS POST to
/// /gsma/rsp2/es2plus/&lt;function&gt; with mutual TLS, a request header {functionRequesterIdentifier,
/// functionCallIdentifier}, and a typed answer carrying header.functionExecutionStatus. Every exchange,
/// successful or not, goes to the recorder given at construction.
/// </summary>
public sealed class Es2PlusClient : IDisposable
{
    public const string BasePath = "/gsma/rsp2/es2plus/";
    private const string Interface = "ES2+";

    private readonly Es2PlusClientOptions _options;
    private readonly IExchangeRecorder _recorder;
    private readonly HttpClient _http;
    private long _calls;

    /// <param name="options">Where and how to connect.</param>
    /// <param name="recorder">Receives every exchange (for reports); null records nothing.</param>
    /// <param name="handler">Replaces the TLS handler (tests); the options' certificates are then not used.</param>
    public Es2PlusClient(Es2PlusClientOptions options, IExchangeRecorder? recorder = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _recorder = recorder ?? NullExchangeRecorder.Instance;
        _http = new HttpClient(handler ?? CreateHandler(options)) { Timeout = options.Timeout };
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

        string json = body.ToJsonString();
        var url = new Uri(_options.BaseAddress, BasePath + path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        request.Headers.Add(RspMediaTypes.AdminProtocolHeader, _options.AdminProtocol);

        RecordedExchange sent = new()
        {
            Kind = ExchangeKind.Http,
            Label = $"{Interface} {function}",
            Started = DateTimeOffset.UtcNow,
            Duration = TimeSpan.Zero,
            Method = request.Method.Method,
            Url = url,
            RequestHeaders = Headers(request.Headers, request.Content.Headers),
            Request = Encoding.UTF8.GetBytes(json),
            RequestContentType = request.Content.Headers.ContentType.ToString(),
        };
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            string problem = e is TaskCanceledException ? $"no answer within {_options.Timeout.TotalSeconds:0.#} s" : Describe(e);
            RecordedExchange failed = sent with { Duration = clock.Elapsed, Error = problem };
            _recorder.Record(failed);
            throw new Es2PlusTransportException(function, $"ES2+ {function}: {problem}", failed, e);
        }

        using (response)
        {
            byte[] answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            RecordedExchange exchange = sent with
            {
                Duration = clock.Elapsed,
                HttpVersion = response.Version.ToString(2),
                StatusCode = (int)response.StatusCode,
                ResponseHeaders = Headers(response.Headers, response.Content.Headers),
                Response = answer,
                ResponseContentType = response.Content.Headers.ContentType?.ToString(),
            };
            _recorder.Record(exchange);
            return Parse(function, response, Encoding.UTF8.GetString(answer), exchange, result);
        }
    }

    private static Es2PlusResponse<T> Parse<T>(string function, HttpResponseMessage response, string text, RecordedExchange exchange, Func<JsonElement, T> result)
        where T : class
    {
        // SGP.22 §6.5.1: a function answer is HTTP 200 with a JSON body carrying header.functionExecutionStatus.
        if ((int)response.StatusCode != 200)
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the SM-DP+ answered HTTP {(int)response.StatusCode}, not 200 with a function answer", exchange);
        }

        if (response.Content.Headers.ContentType?.MediaType is not "application/json")
        {
            throw new Es2PlusProtocolException(function, $"ES2+ {function}: the answer's Content-Type is '{response.Content.Headers.ContentType}', not application/json", exchange);
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

    private static List<KeyValuePair<string, string>> Headers(HttpHeaders headers, HttpHeaders? content)
    {
        var all = headers.Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value))).ToList();
        if (content is not null)
        {
            all.AddRange(content.Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value))));
        }

        return all;
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

    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (!parts.Contains(x.Message))
            {
                parts.Add(x.Message);
            }
        }

        return string.Join(": ", parts);
    }

    private static SocketsHttpHandler CreateHandler(Es2PlusClientOptions options)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = options.Timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (options.TrustedRoots.Count > 0)
        {
            // The SM-DP+ TLS certificate must chain to one of the configured roots (and match the host name).
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
            handler.SslOptions.CertificateChainPolicy.CustomTrustStore.AddRange(options.TrustedRoots);
        }

        if (options.ConnectTo is { } endpoint)
        {
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(endpoint.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        if (options.ClientCertificate is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
            // Present the operator certificate whatever CA list the server announces.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client;
        }

        return handler;
    }

    public void Dispose() => _http.Dispose();
}
