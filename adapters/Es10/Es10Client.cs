using System.Diagnostics;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Http;
using Conformance.Adapters.Isdr;
using Conformance.Rsp.Asn1;

namespace Conformance.Adapters.Es10;

/// <summary>
/// The LPA side of ES10a/b/c (SGP.22 v2.5 §5.7) over an <see cref="IsdrSession"/>: one typed method per
/// function, each response decoded strictly, every call bounded in time and recorded. Error status words,
/// undecodable responses, timeouts and protocol breaks are <see cref="Es10Exception"/>s; a result the
/// eUICC reports inside a valid response (an error code of the function) is part of the returned value.
/// </summary>
public sealed partial class Es10Client
{
    private readonly IsdrSession _session;
    private readonly IExchangeRecorder _recorder;

    public Es10Client(IsdrSession session, IExchangeRecorder? recorder = null, Es10ClientOptions? options = null)
    {
        _session = session;
        _recorder = recorder ?? NullExchangeRecorder.Instance;
        Options = options ?? new Es10ClientOptions();
    }

    public Es10ClientOptions Options { get; }

    public IsdrSession Session => _session;

    /// <summary>
    /// Opens an ISD-R session over <paramref name="transport"/> with every APDU recorded, and returns the client.
    /// </summary>
    public static async Task<Es10Client> OpenAsync(IApduTransport transport, IExchangeRecorder recorder,
        IsdrSessionOptions? isdr = null, Es10ClientOptions? options = null, CancellationToken ct = default)
    {
        var recording = new RecordingApduTransport(transport, recorder);
        IsdrSession session = await IsdrSession.OpenAsync(recording, isdr, ct).ConfigureAwait(false);
        return new Es10Client(session, recorder, options);
    }

    /// <summary>
    /// Sends any bytes as one ES10 command and returns the raw response: the way to send a deliberately
    /// malformed or altered command. Status words, timeouts and protocol faults still throw.
    /// </summary>
    public async Task<byte[]> TransmitAsync(string function, byte[] command, CancellationToken ct = default) =>
        (await ExchangeAsync(function, command, Options.Timeout, ct).ConfigureAwait(false)).Response;

    /// <summary>Sends the command, decodes the response strictly as <paramref name="typeName"/>.</summary>
    private async Task<Es10Response<T>> CallAsync<T>(string function, byte[] command, string typeName,
        Func<ReadOnlyMemory<byte>, T> decode, CancellationToken ct)
    {
        (byte[] response, RecordedExchange exchange) = await ExchangeAsync(function, command, Options.Timeout, ct).ConfigureAwait(false);
        return new Es10Response<T>(Decode(function, command, response, typeName, decode), response, exchange);
    }

    internal static T Decode<T>(string function, byte[] command, byte[] response, string typeName, Func<ReadOnlyMemory<byte>, T> decode)
    {
        try
        {
            return decode(response);
        }
        catch (Asn1DecodeException e)
        {
            throw new Es10ResponseException(function, command, response, typeName, e);
        }
    }

    private async Task<(byte[] Response, RecordedExchange Exchange)> ExchangeAsync(string function, byte[] command, TimeSpan timeout,
        CancellationToken ct, string? label = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        long start = Stopwatch.GetTimestamp();
        byte[]? response = null;
        string? error = null;
        RecordedExchange? record = null;
        try
        {
            response = await _session.TransmitEs10Async(command, linked.Token).ConfigureAwait(false);
            record = Record();
            return (response, record);
        }
        catch (ApduStatusException e)
        {
            var failure = new Es10StatusWordException(function, command, e);
            error = failure.Message;
            throw failure;
        }
        catch (ApduProtocolException e)
        {
            var failure = new Es10ProtocolException(function, command, e.Message, e);
            error = failure.Message;
            throw failure;
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var failure = new Es10TimeoutException(function, command, timeout, e);
            error = failure.Message;
            throw failure;
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            throw;
        }
        finally
        {
            _ = record ?? Record();
        }

        RecordedExchange Record()
        {
            var exchange = new RecordedExchange
            {
                Kind = ExchangeKind.Es10,
                Label = label ?? function,
                Started = started,
                Duration = Stopwatch.GetElapsedTime(start),
                Request = command,
                Response = response,
                Error = error,
            };
            _recorder.Record(exchange);
            return exchange;
        }
    }
}
