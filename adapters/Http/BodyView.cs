using System.Text;
using System.Text.Json;
using System.Formats.Asn1;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Printing;
using Decoder = Conformance.Rsp.Asn1.Printing.Decoder;

namespace Conformance.Adapters.Http;

/// <summary>
/// The readable view of a recorded body: JSON bodies indented with their base64 DER fields decoded, DER
/// bodies decoded as SGP.22 messages, APDUs in hex, anything else as text or hex. Never throws: what
/// cannot be decoded is shown raw with the reason.
/// </summary>
internal static class BodyView
{
    private const int MaxTextChars = 64 * 1024;

    public static string Decode(ExchangeKind kind, byte[] body, string? contentType, bool isRequest)
    {
        try
        {
            return kind switch
            {
                ExchangeKind.Apdu => Convert.ToHexString(body),
                ExchangeKind.Es10 => Convert.ToHexString(body) + Environment.NewLine + DescribeDer(body, isRequest),
                _ => DecodeHttp(body, contentType, isRequest),
            };
        }
#pragma warning disable CA1031 // a view must never fail the exchange it describes
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{Convert.ToHexString(body)}{Environment.NewLine}(not decodable: {e.Message})";
        }
    }

    /// <summary>
    /// Requests and responses share outer tags (BF2E is GetEuiccChallengeRequest and Response): the types of
    /// the exchange's direction are tried first, then the generic decoder.
    /// </summary>
    private static string DescribeDer(byte[] der, bool isRequest)
    {
        if (Asn1Tag.TryDecode(der, out Asn1Tag tag, out _))
        {
            IEnumerable<MessageType> candidates = MessageCatalog.ForTag(tag)
                .Where(m => m.Name.EndsWith("Request", StringComparison.Ordinal) == isRequest);
            foreach (MessageType m in candidates)
            {
                try
                {
                    return MessagePrinter.Print(m.Decode(der));
                }
                catch (Asn1DecodeException)
                {
                }
            }
        }
        return Decoder.Describe(der);
    }

    private static string DecodeHttp(byte[] body, string? contentType, bool isRequest)
    {
        string media = contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (media == RspMediaTypes.Asn1)
        {
            return Convert.ToHexString(body) + Environment.NewLine + DescribeDer(body, isRequest);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Convert.ToHexString(body) + Environment.NewLine + "(binary body, not UTF-8)";
        }
        if (media.EndsWith("json", StringComparison.Ordinal) || text.TrimStart().StartsWith('{'))
        {
            try
            {
                return Decoder.DescribeJson(text);
            }
            catch (JsonException e)
            {
                return Truncate(text) + Environment.NewLine + $"(not valid JSON: {e.Message})";
            }
        }
        return Truncate(text);
    }

    private static string Truncate(string text) =>
        text.Length <= MaxTextChars ? text : string.Concat(text.AsSpan(0, MaxTextChars), $"... ({text.Length} characters)");
}
