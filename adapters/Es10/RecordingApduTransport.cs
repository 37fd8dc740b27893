using System.Diagnostics;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es10;

/// <summary>An <see cref="IApduTransport"/> decorator that records every command/response APDU pair.</summary>
public sealed class RecordingApduTransport(IApduTransport inner, IExchangeRecorder recorder) : IApduTransport
{
    public byte[] Atr => inner.Atr;

    public string Description => inner.Description;

    public async Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        long start = Stopwatch.GetTimestamp();
        byte[]? response = null;
        string? error = null;
        try
        {
            response = await inner.TransmitAsync(apdu, ct).ConfigureAwait(false);
            return response;
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            throw;
        }
        finally
        {
            recorder.Record(new RecordedExchange
            {
                Kind = ExchangeKind.Apdu,
                Label = "APDU " + Description,
                Started = started,
                Duration = Stopwatch.GetElapsedTime(start),
                Request = apdu,
                Response = response,
                Error = error,
            });
        }
    }

    public Task ResetAsync(CancellationToken ct) => inner.ResetAsync(ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
