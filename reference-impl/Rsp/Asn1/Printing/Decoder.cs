using System.Formats.Asn1;
using System.Text;
using System.Text.Json;
using Conformance.Rsp.Saip;

namespace Conformance.Rsp.Asn1.Printing;

/// <summary>
/// Turns any SGP.22 artefact into readable text: a DER message (every type whose tag matches is tried,
/// strictly), a SAIP profile package, an X.509 certificate, or an ES9+/ES2+ JSON body whose base64 fields
/// are decoded in turn. Input that no type accepts is shown as a TLV tree with each candidate's error.
/// </summary>
public static class Decoder
{
    public static string Describe(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return "empty input" + Environment.NewLine;
        }
        if (!Asn1Tag.TryDecode(data.Span, out Asn1Tag tag, out _))
        {
            return "not a DER value: malformed tag at offset 0" + Environment.NewLine + TlvPrinter.Print(data);
        }
        var sb = new StringBuilder();
        var failures = new List<string>();
        foreach (MessageType m in MessageCatalog.ForTag(tag))
        {
            try
            {
                object msg = m.Decode(data);
                sb.Append(MessagePrinter.Print(msg));
                return sb.ToString();
            }
            catch (Asn1DecodeException e)
            {
                failures.Add($"not a {m.Name}: {e.Message}");
            }
        }
        if (tag == Tags.CtxC(ProfileElementTypes.Header))
        {
            try
            {
                return DescribeProfile(ProfilePackage.Parse(data));
            }
            catch (SaipException e)
            {
                failures.Add($"not a profile package: {e.Message}");
            }
        }
        if (tag == Asn1Tag.Sequence && MessagePrinter.CertificateSummary(data.ToArray()) is string cert)
        {
            return cert + Environment.NewLine;
        }
        sb.AppendLine(failures.Count == 0
            ? $"no SGP.22 message has outer tag {Tags.Hex(tag)}; raw TLV:"
            : $"no SGP.22 message with tag {Tags.Hex(tag)} accepts this input:");
        foreach (string f in failures)
        {
            sb.Append("  ").AppendLine(f);
        }
        sb.Append(TlvPrinter.Print(data));
        return sb.ToString();
    }

    /// <summary>True when every candidate of the first tag fails: the caller can exit non-zero.</summary>
    public static bool IsKnownMessage(ReadOnlyMemory<byte> data)
    {
        if (!Asn1Tag.TryDecode(data.Span, out Asn1Tag tag, out _))
        {
            return false;
        }
        foreach (MessageType m in MessageCatalog.ForTag(tag))
        {
            try
            {
                m.Decode(data);
                return true;
            }
            catch (Asn1DecodeException)
            {
            }
        }
        return false;
    }

    private static string DescribeProfile(ProfilePackage p)
    {
        var sb = new StringBuilder();
        sb.AppendLine("ProfilePackage (SAIP)");
        string[] header = MessagePrinter.Print(p.Header).TrimEnd().Split(Environment.NewLine);
        sb.AppendLine("  header: ProfileHeader");
        foreach (string line in header.Skip(1))
        {
            sb.Append("  ").AppendLine(line);
        }
        sb.AppendLine(FormattableString.Invariant($"  elements: {p.Elements.Count}"));
        foreach (ProfileElement e in p.Elements)
        {
            sb.AppendLine(FormattableString.Invariant($"    {e.Name} ({Tags.Hex(e.Der.Tag)}, {e.Der.Encoded.Length} bytes, offset {e.Der.Offset}, identification {e.Identification?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})"));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Describes an ES9+/ES2+ JSON body: prints it indented, then decodes every string field that is
    /// base64 of a DER value.
    /// </summary>
    public static string DescribeJson(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        var sb = new StringBuilder();
        sb.AppendLine(JsonSerializer.Serialize(doc.RootElement, IndentedJson));
        Walk(doc.RootElement, "", sb);
        return sb.ToString();
    }

    // Readable output for people: quotes and non-ASCII stay as they are (shown as plain text in reports and on the console).
    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Walk(JsonElement e, string path, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, sb);
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", sb);
                }
                break;
            case JsonValueKind.String:
                string s = e.GetString()!;
                if (s.Length >= 4 && TryBase64(s, out byte[] bytes) && Asn1Tag.TryDecode(bytes, out _, out _))
                {
                    sb.AppendLine().Append(path).AppendLine(" (base64):");
                    sb.Append(Describe(bytes));
                }
                break;
        }
    }

    private static bool TryBase64(string s, out byte[] bytes)
    {
        bytes = new byte[s.Length];
        return Convert.TryFromBase64String(s, bytes, out int n) && (bytes = bytes[..n]).Length > 1;
    }
}
