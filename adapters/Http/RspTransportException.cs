using System.Net;

namespace Conformance.Adapters.Http;

/// <summary>The ways an exchange with an SM-DP+ (or any RSP HTTP endpoint) can fail before a function result exists.</summary>
public enum RspTransportFailure
{
    /// <summary>No complete answer within the configured timeout.</summary>
    Timeout,

    /// <summary>The TCP connection was refused (nothing listens).</summary>
    ConnectionRefused,

    /// <summary>The connection was reset or closed before a complete answer.</summary>
    ConnectionReset,

    /// <summary>The TLS handshake failed or the server certificate was refused; see <see cref="TlsFailureReason"/>.</summary>
    TlsFailure,

    /// <summary>An HTTP status other than the one the binding prescribes.</summary>
    HttpStatus,

    /// <summary>The body is not JSON at all (HTML, plain text, empty).</summary>
    NotJson,

    /// <summary>The body looks like JSON but does not parse, or lacks the binding's structure.</summary>
    InvalidJson,

    /// <summary>The Content-Type is not the binding's.</summary>
    WrongContentType,

    /// <summary>An HTTP header the binding requires is missing (X-Admin-Protocol).</summary>
    MissingHeader,

    /// <summary>A body where the binding prescribes none (HandleNotification's 204).</summary>
    UnexpectedBody,

    /// <summary>A field of the answer is missing or is not what SGP.22 defines (bad hex, base64 or DER).</summary>
    InvalidField,

    /// <summary>Anything else at the HTTP layer (malformed response, name resolution failure).</summary>
    ProtocolError,
}

/// <summary>Why the TLS layer refused the server (SGP.22 §2.6.6: the server is authenticated with CERT.DPtls).</summary>
public enum TlsFailureReason
{
    None,

    /// <summary>The server's chain does not lead to one of the configured trusted roots.</summary>
    UntrustedRoot,

    /// <summary>The certificate does not name the SM-DP+ address.</summary>
    NameMismatch,

    /// <summary>The chain leads to a trusted root but is invalid (expired, not yet valid, bad usage...).</summary>
    InvalidChain,

    /// <summary>The server sent no certificate.</summary>
    NoCertificate,

    /// <summary>The handshake failed below certificate checks (protocol, cipher suite, curve).</summary>
    Handshake,
}

/// <summary>
/// An exchange with an RSP HTTP endpoint failed at the transport or binding level. The message is one
/// sentence naming the function, the URL and what went wrong; the raw answer, when one came, is in
/// <see cref="Body"/> and the whole exchange in <see cref="Exchange"/>.
/// </summary>
public sealed class RspTransportException : Exception
{
    public RspTransportException(RspTransportFailure kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public RspTransportFailure Kind { get; }

    /// <summary>Why TLS failed (only for <see cref="RspTransportFailure.TlsFailure"/>).</summary>
    public TlsFailureReason TlsReason { get; init; }

    /// <summary>The HTTP status code, when a response came.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The response Content-Type, when a response came.</summary>
    public string? ContentType { get; init; }

    /// <summary>The raw response body, when a response came.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The missing header (<see cref="RspTransportFailure.MissingHeader"/>) or field (<see cref="RspTransportFailure.InvalidField"/>).</summary>
    public string? Name { get; init; }

    /// <summary>The recorded exchange (also given to the recorder).</summary>
    public RecordedExchange? Exchange { get; init; }
}
