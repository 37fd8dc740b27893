using System.Globalization;
using System.Text;

namespace Conformance.Adapters.Http;

/// <summary>What kind of exchange a <see cref="RecordedExchange"/> holds.</summary>
public enum ExchangeKind
{
    /// <summary>One HTTP request and its response (ES9+, ES2+).</summary>
    Http,

    /// <summary>One ES10 function: the command DER sent to the ISD-R and the response DER.</summary>
    Es10,

    /// <summary>One command APDU and its response APDU.</summary>
    Apdu,
}

/// <summary>
/// One request/response exchange with a system under test, kept byte for byte with its timing, for the
/// report. Bodies are never altered; <see cref="DescribeRequest"/> and <see cref="DescribeResponse"/> add a
/// decoded view (DER messages, ES9+/ES2+ JSON with their base64 fields decoded) that never throws.
/// </summary>
public sealed record RecordedExchange
{
    public required ExchangeKind Kind { get; init; }

    /// <summary>What was being done: "ES9+ InitiateAuthentication", "ES10b GetEUICCChallenge", "APDU".</summary>
    public required string Label { get; init; }

    public required DateTimeOffset Started { get; init; }

    /// <summary>From sending the request to receiving the whole response (or the failure).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>HTTP method (HTTP only).</summary>
    public string? Method { get; init; }

    /// <summary>Request URL (HTTP only).</summary>
    public Uri? Url { get; init; }

    /// <summary>HTTP version of the response ("1.1", "2.0"), when one came.</summary>
    public string? HttpVersion { get; init; }

    /// <summary>HTTP status code of the response, when one came.</summary>
    public int? StatusCode { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>The request bytes exactly as sent (HTTP body, ES10 command DER or command APDU).</summary>
    public byte[] Request { get; init; } = [];

    /// <summary>The response bytes exactly as received; null when none came (timeout, refused, reset).</summary>
    public byte[]? Response { get; init; }

    public string? RequestContentType { get; init; }

    public string? ResponseContentType { get; init; }

    /// <summary>The failure of the exchange (one sentence), or null when a response came.</summary>
    public string? Error { get; init; }

    /// <summary>The request: line, headers, body and its decoded view.</summary>
    public string DescribeRequest()
    {
        var sb = new StringBuilder();
        if (Kind == ExchangeKind.Http)
        {
            sb.Append(Method).Append(' ').AppendLine(Url?.ToString());
            AppendHeaders(sb, RequestHeaders);
            sb.AppendLine();
        }
        AppendBody(sb, Request, RequestContentType, isRequest: true);
        return sb.ToString();
    }

    /// <summary>The response: status, headers, body and its decoded view; or the failure.</summary>
    public string DescribeResponse()
    {
        var sb = new StringBuilder();
        if (Response is null)
        {
            sb.Append("no response: ").AppendLine(Error ?? "unknown failure");
            return sb.ToString();
        }
        if (Kind == ExchangeKind.Http)
        {
            sb.Append("HTTP/").Append(HttpVersion).Append(' ').Append(StatusCode?.ToString(CultureInfo.InvariantCulture)).AppendLine();
            AppendHeaders(sb, ResponseHeaders);
            sb.AppendLine();
        }
        AppendBody(sb, Response, ResponseContentType, isRequest: false);
        if (Error is not null)
        {
            sb.Append("rejected by the harness: ").AppendLine(Error);
        }
        return sb.ToString();
    }

    /// <summary>Both halves with the timing, as one text attachment.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(Label).Append(" at ").Append(Started.ToString("O", CultureInfo.InvariantCulture))
            .Append(", ").Append(Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)).AppendLine(" ms");
        sb.AppendLine("--- request ---").Append(DescribeRequest());
        sb.AppendLine("--- response ---").Append(DescribeResponse());
        return sb.ToString();
    }

    public override string ToString() => $"{Label} ({Duration.TotalMilliseconds:0.0} ms){(Error is null ? "" : ": " + Error)}";

    private static void AppendHeaders(StringBuilder sb, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach ((string name, string value) in headers)
        {
            sb.Append(name).Append(": ").AppendLine(value);
        }
    }

    private void AppendBody(StringBuilder sb, byte[] body, string? contentType, bool isRequest)
    {
        if (body.Length == 0)
        {
            sb.AppendLine("(empty body)");
            return;
        }
        sb.AppendLine(BodyView.Decode(Kind, body, contentType, isRequest));
    }
}
