using System.Globalization;
using Conformance.Adapters.Http;

namespace Conformance.Steps.Support;

/// <summary>
/// Every exchange of one scenario with a system under test (ES2+ and ES9+ over HTTP, in order;
/// scenario-scoped). Drivers give it to their clients as the <see cref="IExchangeRecorder"/>; the hooks
/// attach each step's exchanges to that step, decoded.
/// </summary>
public sealed class ExchangeLog : IExchangeRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedExchange> _all = [];
    private int _attached;

    public void Record(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_gate)
        {
            _all.Add(exchange);
        }
    }

    public IReadOnlyList<RecordedExchange> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The exchanges recorded since the last call (for the step that just ended).</summary>
    public IReadOnlyList<RecordedExchange> TakeNew()
    {
        lock (_gate)
        {
            var fresh = _all.Skip(_attached).ToList();
            _attached = _all.Count;
            return fresh;
        }
    }

    /// <summary>"ES9+ InitiateAuthentication: POST /gsma/rsp2/es9plus/initiateAuthentication -> 200 (12 ms)".</summary>
    public static string Summary(RecordedExchange x)
    {
        ArgumentNullException.ThrowIfNull(x);
        string outcome = x.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? x.Error ?? "no answer";
        return string.Create(CultureInfo.InvariantCulture,
            $"{x.Label}: {x.Method} {x.Url?.AbsolutePath} -> {outcome} ({x.Duration.TotalMilliseconds:0} ms)");
    }

    /// <summary>
    /// The exchange as text: request and response with headers; JSON bodies indented with their base64 DER
    /// decoded, ASN.1 binding bodies decoded as SGP.22 messages (<see cref="RecordedExchange.ToText"/>).
    /// </summary>
    public static string Describe(RecordedExchange x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.ToText();
    }
}
