using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Conformance.Adapters.Http;

/// <summary>
/// Sends one HTTP request to an RSP endpoint and returns the complete answer, or throws a
/// <see cref="RspTransportException"/> whose message says in one sentence what went wrong. Every call is
/// bounded by <see cref="SmdpHttpOptions.Timeout"/>, never retried, and recorded (also when it fails).
/// </summary>
public sealed class RspHttpTransport : IDisposable
{
    private readonly HttpClient _client;
    private readonly ServerCertificateValidator _validator;
    private readonly IExchangeRecorder _recorder;

    internal RspHttpTransport(SmdpHttpOptions options, IExchangeRecorder recorder, HttpMessageHandler? handler = null)
    {
        options.Validate();
        Options = options;
        _recorder = recorder;
        _validator = new ServerCertificateValidator(options.TrustedRoots, options.ExpectedHost);
        // A handler of the tests' own replaces sockets and TLS; otherwise the factory's checks every server certificate.
        _client = new HttpClient(handler ?? SmdpHttpClientFactory.CreateHandler(options, _validator), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = int.MaxValue,
        };
    }

    public SmdpHttpOptions Options { get; }

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> (relative to the base address) with the given
    /// Content-Type and headers, and reads the whole answer. <paramref name="label"/> says what the call is,
    /// for messages and the record ("ES9+ InitiateAuthentication").
    /// </summary>
    public async Task<RspHttpResponse> PostAsync(string path, byte[] body, string contentType,
        IEnumerable<KeyValuePair<string, string>> headers, string label, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = new Uri(Options.BaseAddress, path.TrimStart('/'));
        (Version version, HttpVersionPolicy policy) = SmdpHttpClientFactory.VersionOf(Options.HttpVersion);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Version = version, VersionPolicy = policy };
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach ((string name, string value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        List<KeyValuePair<string, string>> sentHeaders = HeaderList(request.Headers, request.Content.Headers);
        var record = new RecordedExchange
        {
            Kind = ExchangeKind.Http,
            Label = label,
            Started = DateTimeOffset.UtcNow,
            Duration = TimeSpan.Zero,
            Method = "POST",
            Url = url,
            RequestHeaders = sentHeaders,
            Request = body,
            RequestContentType = contentType,
        };

        using var timeout = new CancellationTokenSource(Options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        _validator.Forget();
        long start = Stopwatch.GetTimestamp();
        try
        {
            using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            byte[] answer = await ReadBodyAsync(response.Content, label, url, linked.Token).ConfigureAwait(false);
            record = record with
            {
                Duration = Stopwatch.GetElapsedTime(start),
                HttpVersion = response.Version.ToString(2),
                StatusCode = (int)response.StatusCode,
                ResponseHeaders = HeaderList(response.Headers, response.Content.Headers),
                Response = answer,
                ResponseContentType = response.Content.Headers.ContentType?.ToString(),
            };
            _recorder.Record(record);
            return new RspHttpResponse(response.StatusCode, response.Version, record.ResponseContentType,
                record.ResponseHeaders, answer, record);
        }
        catch (Exception e) when (Classify(e, label, url, timeout.IsCancellationRequested && !ct.IsCancellationRequested) is { } failure)
        {
            record = record with { Duration = Stopwatch.GetElapsedTime(start), Error = failure.Message };
            _recorder.Record(record);
            throw new RspTransportException(failure.Kind, failure.Message, e) { TlsReason = failure.TlsReason, Exchange = record };
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<byte[]> ReadBodyAsync(HttpContent content, string label, Uri url, CancellationToken ct)
    {
        Stream stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > Options.MaxResponseBytes)
                {
                    throw new RspTransportException(RspTransportFailure.ProtocolError,
                        $"{label}: {url} sent a body larger than {Options.MaxResponseBytes} bytes.");
                }
                buffer.Write(chunk.AsSpan(0, n));
            }
            return buffer.ToArray();
        }
    }

    private sealed record Failure(RspTransportFailure Kind, string Message, TlsFailureReason TlsReason = TlsFailureReason.None);

    private Failure? Classify(Exception e, string label, Uri url, bool timedOut)
    {
        if (e is RspTransportException own)
        {
            return new Failure(own.Kind, own.Message);
        }
        string seconds = Options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        if ((e is OperationCanceledException && timedOut) || Find<TimeoutException>(e) is not null)
        {
            return new Failure(RspTransportFailure.Timeout, $"{label}: no complete answer within {seconds} s from {url}.");
        }
        if (e is OperationCanceledException)
        {
            return null; // the caller cancelled: not a failure of the SUT
        }
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return Tls(label, url);
        }
        SocketError? socket = Find<SocketException>(e)?.SocketErrorCode;
        if (socket is SocketError.ConnectionRefused)
        {
            return new Failure(RspTransportFailure.ConnectionRefused, $"{label}: {url} refused the connection.");
        }
        if (socket is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
            || e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } || e is IOException)
        {
            return new Failure(RspTransportFailure.ConnectionReset, $"{label}: the connection was reset or closed by the server {url} before a complete answer.");
        }
        if (socket is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
        {
            return new Failure(RspTransportFailure.ProtocolError, $"{label}: the host of {url} could not be resolved.");
        }
        if (e is HttpRequestException h)
        {
            return new Failure(RspTransportFailure.ProtocolError, $"{label}: the exchange with {url} failed ({h.HttpRequestError}: {Innermost(e).Message.TrimEnd('.')}).");
        }
        return null;
    }

    private Failure Tls(string label, Uri url)
    {
        if (_validator.LastFailure is not { } f)
        {
            // The common cause with an SM-DP+ that follows SGP.22 is a brainpool CERT.DPtls met by a client that does not offer
            // the group (OpenSSL 3.0's default): ./conformance sets OPENSSL_CONF to scripts/openssl-rsp.cnf, which does.
            string hint = Environment.GetEnvironmentVariable("OPENSSL_CONF") is { } conf && conf.EndsWith("openssl-rsp.cnf", StringComparison.Ordinal) ? ""
                : " (no common TLS version, cipher or group; a brainpool CERT.DPtls needs the brainpool TLS groups offered, as ./conformance configures OpenSSL to)";
            return new Failure(RspTransportFailure.TlsFailure, $"{label}: the TLS handshake with {url} failed before any certificate check{hint}.", TlsFailureReason.Handshake);
        }
        string message = f.Reason switch
        {
            TlsFailureReason.UntrustedRoot => $"{label}: the TLS certificate of {url} does not chain to a configured trusted root ({f.Detail}).",
            TlsFailureReason.NameMismatch => $"{label}: the TLS certificate of {url} does not name the SM-DP+ address {_validator.ExpectedHost} ({f.Detail}).",
            TlsFailureReason.NoCertificate => $"{label}: {url} presented no TLS certificate.",
            _ => $"{label}: the TLS certificate chain of {url} is invalid ({f.Detail}).",
        };
        return new Failure(RspTransportFailure.TlsFailure, message, f.Reason);
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T t)
            {
                return t;
            }
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }

    private static List<KeyValuePair<string, string>> HeaderList(HttpHeaders first, HttpHeaders second) =>
        first.Concat(second).SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
}
