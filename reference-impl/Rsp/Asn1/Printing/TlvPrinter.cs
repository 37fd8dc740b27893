using System.Formats.Asn1;
using System.Text;

namespace Conformance.Rsp.Asn1.Printing;

/// <summary>
/// Prints any BER-TLV tree without a schema: tags, lengths, nested constructed values, primitive
/// values in hex (with printable text alongside). Used for unknown tags and for input no message matches;
/// stops with the offset and reason where the encoding breaks.
/// </summary>
public static class TlvPrinter
{
    public static string Print(ReadOnlyMemory<byte> data, int indent = 0)
    {
        var sb = new StringBuilder();
        Append(sb, data, 0, indent);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ReadOnlyMemory<byte> data, int baseOffset, int indent)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            string pad = new(' ', indent * 2);
            Asn1Tag tag;
            int contentOffset, contentLength, consumed;
            try
            {
                tag = AsnDecoder.ReadEncodedValue(data.Span[pos..], AsnEncodingRules.BER, out contentOffset, out contentLength, out consumed);
            }
            catch (AsnContentException e)
            {
                sb.Append(pad).Append(FormattableString.Invariant($"!! malformed TLV at offset {baseOffset + pos}: {e.Message}; rest: "))
                  .AppendLine(Convert.ToHexString(data.Span[pos..]));
                return;
            }
            ReadOnlyMemory<byte> content = data.Slice(pos + contentOffset, contentLength);
            sb.Append(pad).Append(Tags.Hex(tag)).Append(FormattableString.Invariant($" ({contentLength} bytes)"));
            if (tag.IsConstructed)
            {
                sb.AppendLine();
                Append(sb, content, baseOffset + pos + contentOffset, indent + 1);
            }
            else
            {
                sb.Append(": ").Append(Convert.ToHexString(content.Span));
                string? text = Printable(content.Span);
                if (text is not null)
                {
                    sb.Append("  \"").Append(text).Append('"');
                }
                sb.AppendLine();
            }
            pos += consumed;
        }
    }

    /// <summary>The bytes as text when they are all printable ASCII/UTF-8 and long enough to matter.</summary>
    internal static string? Printable(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 3)
        {
            return null;
        }
        foreach (byte b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return null;
            }
        }
        return Encoding.ASCII.GetString(bytes);
    }
}
