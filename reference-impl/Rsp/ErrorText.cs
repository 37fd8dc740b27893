using System.Text.RegularExpressions;

namespace Conformance.Rsp;

/// <summary>
/// What of an exception's message may go to a client or a report: the problem in words, never an exception type name
/// or a stack frame. Libraries embed both in their messages (BouncyCastle's "cannot construct KeyUsage:
/// System.ArgumentException: failed to construct BIT STRING ... at Org.BouncyCastle..."); this keeps the words before
/// the first of them.
/// </summary>
public static partial class ErrorText
{
    /// <summary>The message cut before the first embedded exception type, stack frame or line break; "malformed input" when nothing is left.</summary>
    public static string Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "malformed input";
        }
        string text = message;
        Match m = Noise().Match(text);
        if (m.Success)
        {
            text = text[..m.Index];
        }
        text = text.Trim().TrimEnd(':', ';', ',', '-', '(').Trim();
        return text.Length == 0 ? "malformed input" : text;
    }

    /// <summary><see cref="Clean(string?)"/> of the exception's message.</summary>
    public static string Of(Exception e) => Clean(e?.Message);

    // A line break, a stack frame ("   at X.Y(...)"), or a .NET/BouncyCastle exception type name ("System.ArgumentException",
    // "Org.BouncyCastle.Asn1.Asn1Exception", "---> ").
    [GeneratedRegex(@"[\r\n]|\s+at\s+[\w.`<>]+\(|(?:System|Org\.BouncyCastle|Microsoft)\.[\w.]*(?:Exception|Error)\b|--->", RegexOptions.CultureInvariant)]
    private static partial Regex Noise();
}
