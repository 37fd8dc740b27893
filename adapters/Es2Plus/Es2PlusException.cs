using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es2Plus;

/// <summary>An ES2+ call that produced no valid function answer. <see cref="Exchange"/> shows what went over the wire.</summary>
public abstract class Es2PlusException(string function, string message, RecordedExchange exchange, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The ES2+ function ("DownloadOrder").</summary>
    public string Function { get; } = function;

    public RecordedExchange Exchange { get; } = exchange;
}

/// <summary>No HTTP answer: connection refused, TLS handshake refused (for example a client certificate the server does not accept), timeout.</summary>
public sealed class Es2PlusTransportException(string function, string message, RecordedExchange exchange, Exception? inner = null)
    : Es2PlusException(function, message, exchange, inner);

/// <summary>
/// An HTTP answer that is not an ES2+ function answer (SGP.22 v2.5 §6.5.1): a status other than 200,
/// another Content-Type, a body that is not JSON or lacks header.functionExecutionStatus.
/// </summary>
public sealed class Es2PlusProtocolException(string function, string message, RecordedExchange exchange, Exception? inner = null)
    : Es2PlusException(function, message, exchange, inner)
{
    public int? StatusCode => Exchange.StatusCode;
}
