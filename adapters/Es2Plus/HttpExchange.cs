namespace Conformance.Adapters.Es2Plus;

/// <summary>
/// One HTTP request and what came back (or the transport error), as sent and received on the wire.
/// Clients hand every exchange to their recorder so that a report can show it.
/// </summary>
public sealed record HttpExchange
{
    /// <summary>The interface, e.g. "ES2+".</summary>
    public required string Interface { get; init; }

    /// <summary>The spec function, e.g. "DownloadOrder".</summary>
    public required string Function { get; init; }

    public required string Method { get; init; }
    public required Uri Url { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required TimeSpan Duration { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];
    public string RequestBody { get; init; } = "";

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public string? ResponseBody { get; init; }

    /// <summary>The transport error (TLS refused, timeout, connection reset), or null.</summary>
    public string? Error { get; init; }

    /// <summary>"POST /gsma/rsp2/es2plus/downloadOrder -> 200 (12 ms)".</summary>
    public string Summary => FormattableString.Invariant(
        $"{Method} {Url.AbsolutePath} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error ?? "no answer")} ({Duration.TotalMilliseconds:0} ms)");
}
