namespace Conformance.Adapters.Http;

/// <summary>
/// Receives every exchange an adapter makes with a system under test (HTTP, ES10, APDU), in order, so
/// the harness can attach them to the scenario's report. Implementations are thread-safe.
/// </summary>
public interface IExchangeRecorder
{
    void Record(RecordedExchange exchange);
}

/// <summary>Keeps the exchanges in memory, in the order they completed.</summary>
public sealed class ExchangeRecorder : IExchangeRecorder
{
    private readonly List<RecordedExchange> _exchanges = [];
    private readonly Lock _lock = new();

    /// <summary>A snapshot of the exchanges recorded so far.</summary>
    public IReadOnlyList<RecordedExchange> Exchanges
    {
        get
        {
            lock (_lock)
            {
                return [.. _exchanges];
            }
        }
    }

    public void Record(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_lock)
        {
            _exchanges.Add(exchange);
        }
    }

    /// <summary>Forgets the exchanges (between scenarios).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _exchanges.Clear();
        }
    }
}

/// <summary>Records nothing.</summary>
public sealed class NullExchangeRecorder : IExchangeRecorder
{
    public static NullExchangeRecorder Instance { get; } = new();

    public void Record(RecordedExchange exchange)
    {
    }
}
