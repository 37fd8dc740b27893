using System.Net;

namespace Conformance.Adapters.Http;

/// <summary>A complete HTTP answer: status, headers, the raw body, and the exchange as recorded.</summary>
public sealed record RspHttpResponse(
    HttpStatusCode StatusCode,
    Version Version,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    RecordedExchange Exchange)
{
    /// <summary>The first value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The media type without parameters, lower case ("application/json").</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim().ToLowerInvariant();
}
