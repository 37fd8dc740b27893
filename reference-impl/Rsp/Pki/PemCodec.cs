using System.Text;

namespace Conformance.Rsp.Pki;

/// <summary>PEM (RFC 7468) text: base64 in 64-character lines between BEGIN/END labels, LF line ends.</summary>
public static class PemCodec
{
    public static string Encode(string label, ReadOnlySpan<byte> der)
    {
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(label).Append("-----\n");
        string b64 = Convert.ToBase64String(der);
        for (int i = 0; i < b64.Length; i += 64)
        {
            sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        }
        sb.Append("-----END ").Append(label).Append("-----\n");
        return sb.ToString();
    }

    /// <summary>Every PEM block of a text, in order, as (label, DER). Throws <see cref="FormatException"/> on broken blocks.</summary>
    public static IReadOnlyList<(string Label, byte[] Der)> Decode(string text)
    {
        var blocks = new List<(string, byte[])>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        string? label = null;
        var body = new StringBuilder();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (label is null)
            {
                if (line.StartsWith("-----BEGIN ", StringComparison.Ordinal) && line.EndsWith("-----", StringComparison.Ordinal))
                {
                    label = line["-----BEGIN ".Length..^5];
                    body.Clear();
                }
                continue;
            }
            if (line == $"-----END {label}-----")
            {
                blocks.Add((label, Convert.FromBase64String(body.ToString())));
                label = null;
            }
            else if (line.Contains(':', StringComparison.Ordinal))
            {
                // RFC 1421 headers (Proc-Type, DEK-Info) mean an encrypted key: not supported.
                throw new FormatException($"PEM block {label} has headers ({line}); encrypted keys are not supported");
            }
            else
            {
                body.Append(line);
            }
        }
        if (label is not null)
        {
            throw new FormatException($"PEM block {label} has no END line");
        }
        return blocks;
    }

    /// <summary>True when the bytes look like PEM text rather than DER.</summary>
    public static bool LooksLikePem(ReadOnlySpan<byte> data) =>
        Encoding.ASCII.GetString(data[..Math.Min(data.Length, 512)]).Contains("-----BEGIN ", StringComparison.Ordinal);
}
