using System.Text;

namespace Conformance.Cli.Commands;

/// <summary>What the user handed to <c>decode</c>: DER bytes, or an ES9+/ES2+ JSON body.</summary>
internal sealed record DecodeInput(byte[]? Der, string? Json)
{
    /// <summary>
    /// Reads <c>hex</c> (spaces, colons and a 0x prefix allowed), <c>base64</c>, a JSON body,
    /// <c>@file</c> (binary DER, or any of the text forms), or <c>-</c> for standard input.
    /// </summary>
    public static DecodeInput Parse(string arg, TextReader stdin)
    {
        if (arg == "-")
        {
            return FromText(stdin.ReadToEnd());
        }
        if (arg.StartsWith('@'))
        {
            string path = arg[1..];
            if (!File.Exists(path))
            {
                throw new CliError($"no such file: {path}");
            }
            byte[] raw = File.ReadAllBytes(path);
            return LooksLikeText(raw) ? FromText(Encoding.UTF8.GetString(raw)) : new DecodeInput(raw, null);
        }
        return FromText(arg);
    }

    private static DecodeInput FromText(string text)
    {
        string t = text.Trim();
        if (t.StartsWith('{'))
        {
            return new DecodeInput(null, t);
        }
        string compact = new(t.Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray());
        if (compact.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            compact = compact[2..];
        }
        if (compact.Length == 0)
        {
            throw new CliError("empty input");
        }
        if (compact.All(Uri.IsHexDigit))
        {
            if (compact.Length % 2 != 0)
            {
                throw new CliError($"odd number of hex digits ({compact.Length})");
            }
            return new DecodeInput(Convert.FromHexString(compact), null);
        }
        byte[] buf = new byte[compact.Length];
        if (Convert.TryFromBase64String(compact, buf, out int n))
        {
            return new DecodeInput(buf[..n], null);
        }
        throw new CliError("input is neither hex, base64 nor JSON");
    }

    private static bool LooksLikeText(byte[] raw) =>
        raw.Length > 0 && raw.All(b => b is 0x09 or 0x0A or 0x0D || (b >= 0x20 && b < 0x7F));
}
