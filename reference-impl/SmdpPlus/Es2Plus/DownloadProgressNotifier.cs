using System.Globalization;
using System.Net.Http.Json;
using System.Threading.Channels;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Es2Plus;

/// <summary>
/// Sends ES2+.HandleDownloadProgressInfo to the operator (SGP.22 v2.5 §5.3.5) from a background queue:
/// callers enqueue and return at once; each message is tried a configured number of times, each try
/// with a timeout, pauses doubling between tries. Messages that never get through are logged, not lost
/// silently. Without an operator callback URL nothing is queued.
/// </summary>
public sealed partial class DownloadProgressNotifier : BackgroundService
{
    public const string FunctionPath = "/gsma/rsp2/es2plus/handleDownloadProgressInfo";

    private readonly Channel<HandleDownloadProgressInfoRequest> _queue = Channel.CreateUnbounded<HandleDownloadProgressInfoRequest>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly SmdpOptions _options;
    private readonly HttpClient? _http;
    private readonly TimeProvider _time;
    private readonly ILogger<DownloadProgressNotifier> _logger;
    private long _callCounter;

    public DownloadProgressNotifier(SmdpOptions options, TimeProvider time, ILogger<DownloadProgressNotifier> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        if (options.OperatorCallbackUrl is not null)
        {
            var handler = new SocketsHttpHandler { ConnectTimeout = options.OperatorCallbackTimeout };
            if (options.OperatorCallbackClientCertificate is { } cert)
            {
                handler.SslOptions.ClientCertificates = [cert];
            }

            _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    /// <summary>Messages delivered (answered 2xx) so far.</summary>
    public int Delivered { get; private set; }

    /// <summary>Messages given up after all attempts.</summary>
    public int Dropped { get; private set; }

    /// <summary>Queues a message; never blocks, never throws for delivery problems.</summary>
    public void Enqueue(HandleDownloadProgressInfoRequest message)
    {
        if (_http is not null)
        {
            _queue.Writer.TryWrite(message);
        }
    }

    /// <summary>Queues the notification point that a committed profile state change reaches, if any.</summary>
    public void OnStateChange(ProfileStateChange change)
    {
        // Only the download phase has notification points (§5.3.5); the ES2+ phase changes are the
        // operator's own requests and are not reported back to it.
        (NotificationPoint Point, bool Success)? point = (change.From, change.To) switch
        {
            (_, SmdpProfileState.Downloaded) => (NotificationPoint.BppDownload, true),
            (_, SmdpProfileState.Installed) => (NotificationPoint.BppInstallation, true),
            (SmdpProfileState.Downloaded, SmdpProfileState.Error) => (NotificationPoint.BppInstallation, false),
            (_, SmdpProfileState.Error) => (NotificationPoint.BppDownload, false),
            _ => null,
        };
        if (point is { } p)
        {
            Enqueue(Create(change.Iccid, change.ProfileType, change.Eid, p.Point,
                p.Success ? new NotificationPointStatus(FunctionExecutionStatusValues.ExecutedSuccess)
                          : new NotificationPointStatus(FunctionExecutionStatusValues.Failed)));
        }
    }

    /// <summary>Builds a message with a fresh functionCallIdentifier and the current time.</summary>
    public HandleDownloadProgressInfoRequest Create(string iccid, string profileType, string? eid, NotificationPoint point,
        NotificationPointStatus status, byte[]? resultData = null)
    {
        long n = Interlocked.Increment(ref _callCounter);
        string timestamp = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new HandleDownloadProgressInfoRequest(
            new RequestHeader(_options.FunctionRequesterIdentifier, $"{Guid.NewGuid():N}-{n}"),
            eid, iccid, profileType, timestamp, (int)point, status,
            resultData is null ? null : Convert.ToBase64String(resultData));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_http is null)
        {
            return;
        }

        try
        {
            await foreach (HandleDownloadProgressInfoRequest message in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await DeliverAsync(message, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task DeliverAsync(HandleDownloadProgressInfoRequest message, CancellationToken stop)
    {
        var url = new Uri(_options.OperatorCallbackUrl!, FunctionPath);
        TimeSpan pause = _options.OperatorCallbackRetryDelay;
        for (int attempt = 1; attempt <= _options.OperatorCallbackAttempts; attempt++)
        {
            string problem;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(_options.OperatorCallbackTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = JsonContent.Create(message, options: RspJson.Options),
                };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(RspJson.MediaType) { CharSet = "UTF-8" };
                request.Headers.Add(RspJson.AdminProtocolHeader, _options.AdminProtocol);
                using HttpResponseMessage response = await _http!.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Delivered++;
                    LogDelivered(_logger, message.Iccid, message.NotificationPointId, attempt);
                    return;
                }

                problem = $"HTTP {(int)response.StatusCode}";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                problem = e is OperationCanceledException ? $"no answer within {_options.OperatorCallbackTimeout}" : e.Message;
            }

            LogAttemptFailed(_logger, message.Iccid, message.NotificationPointId, attempt, problem);
            if (attempt < _options.OperatorCallbackAttempts)
            {
                await Task.Delay(pause, _time, stop).ConfigureAwait(false);
                pause *= 2;
            }
        }

        Dropped++;
        LogDropped(_logger, message.Iccid, message.NotificationPointId, _options.OperatorCallbackAttempts);
    }

    public override void Dispose()
    {
        _http?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "ES2+ HandleDownloadProgressInfo iccid={Iccid} point={Point} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string iccid, int point, int attempt);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "ES2+ HandleDownloadProgressInfo iccid={Iccid} point={Point} attempt {Attempt} failed: {Problem}")]
    private static partial void LogAttemptFailed(ILogger logger, string iccid, int point, int attempt, string problem);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "ES2+ HandleDownloadProgressInfo iccid={Iccid} point={Point} dropped after {Attempts} attempts")]
    private static partial void LogDropped(ILogger logger, string iccid, int point, int attempts);
}
