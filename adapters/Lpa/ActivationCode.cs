using System.Text;

namespace Conformance.Adapters.Lpa;

/// <summary>An activation code that does not follow SGP.22 §4.1. The message says what is wrong in one sentence.</summary>
public sealed class ActivationCodeException(string message) : FormatException(message);

/// <summary>
/// The Activation Code of SGP.22 v2.5 §4.1:
/// <c>AC_Format "$" SM-DP+ Address "$" AC_Token [ "$" SM-DP+ OID [ "$" Confirmation Code Required Flag ] ]</c>,
/// with AC_Format "1" and the delimiter "$"; in a QR code it is preceded by the scheme "LPA:" (§4.1.3).
/// The AC_Token is the MatchingID sent in ctxParams1.
/// </summary>
public sealed record ActivationCode(string SmdpAddress, string MatchingId, string? SmdpOid = null, bool ConfirmationCodeRequired = false)
{
    public const string QrPrefix = "LPA:";
    public const char Delimiter = '$';
    public const string Format1 = "1";

    /// <summary>Upper bound of the whole activation code string, in characters (SGP.22 §4.1: at most 255).</summary>
    public const int MaxLength = 255;

    /// <summary>Parses an activation code, with or without the "LPA:" prefix.</summary>
    /// <exception cref="ActivationCodeException">The text is not an activation code of format 1.</exception>
    public static ActivationCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string code = text.StartsWith(QrPrefix, StringComparison.Ordinal) ? text[QrPrefix.Length..] : text;
        if (code.Length > MaxLength)
        {
            throw new ActivationCodeException($"the activation code has {code.Length} characters, more than the {MaxLength} SGP.22 §4.1 allows.");
        }
        string[] parts = code.Split(Delimiter);
        if (parts.Length < 3)
        {
            throw new ActivationCodeException($"'{text}' has {parts.Length} '$'-separated fields; an activation code has at least AC_Format, SM-DP+ address and AC_Token.");
        }
        if (parts.Length > 5)
        {
            throw new ActivationCodeException($"'{text}' has {parts.Length} '$'-separated fields; format 1 has at most 5.");
        }
        // AC_Format: "1" for this version of the specification.
        if (parts[0] != Format1)
        {
            throw new ActivationCodeException($"the AC_Format of '{text}' is '{parts[0]}', not '{Format1}'.");
        }
        string address = parts[1];
        CheckAddress(address);
        string token = parts[2];
        // The AC_Token SHALL consist only of upper case alphanumeric characters (0-9, A-Z) and '-'.
        int bad = token.AsSpan().IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
        if (bad >= 0)
        {
            throw new ActivationCodeException($"the AC_Token '{token}' contains '{token[bad]}'; only 0-9, A-Z and '-' are allowed.");
        }
        string? oid = parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null;
        if (oid is not null && !IsOid(oid))
        {
            throw new ActivationCodeException($"the SM-DP+ OID '{oid}' is not an object identifier in dot notation.");
        }
        bool cc = false;
        if (parts.Length == 5)
        {
            // Confirmation Code Required Flag: "1" when a confirmation code is required; absent otherwise.
            if (parts[4] != "1")
            {
                throw new ActivationCodeException($"the Confirmation Code Required Flag is '{parts[4]}'; when present it is '1'.");
            }
            cc = true;
        }
        return new ActivationCode(address, token, oid, cc);
    }

    /// <summary>True and the code when <paramref name="text"/> parses; false otherwise.</summary>
    public static bool TryParse(string text, out ActivationCode? code)
    {
        try
        {
            code = Parse(text);
            return true;
        }
        catch (ActivationCodeException)
        {
            code = null;
            return false;
        }
    }

    /// <summary>The activation code string (without the "LPA:" prefix), optional trailing fields omitted.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().Append(Format1).Append(Delimiter).Append(SmdpAddress).Append(Delimiter).Append(MatchingId);
        if (SmdpOid is not null || ConfirmationCodeRequired)
        {
            sb.Append(Delimiter).Append(SmdpOid);
        }
        if (ConfirmationCodeRequired)
        {
            sb.Append(Delimiter).Append('1');
        }
        return sb.ToString();
    }

    private static void CheckAddress(string address)
    {
        if (address.Length == 0)
        {
            throw new ActivationCodeException("the SM-DP+ address of the activation code is empty.");
        }
        // SM-DP+ Address: an FQDN; LPAs in the field also accept a port (host:port).
        if (!Uri.TryCreate("https://" + address + "/", UriKind.Absolute, out Uri? uri)
            || uri.Authority.Length == 0
            || !string.Equals(uri.Authority, address, StringComparison.OrdinalIgnoreCase) && !string.Equals(uri.Host + ":" + uri.Port, address, StringComparison.OrdinalIgnoreCase)
            || uri.HostNameType == UriHostNameType.Basic)
        {
            throw new ActivationCodeException($"the SM-DP+ address '{address}' is not a host name (FQDN), optionally with a port.");
        }
    }

    private static bool IsOid(string oid)
    {
        string[] arcs = oid.Split('.');
        return arcs.Length >= 2 && arcs.All(a => a.Length > 0 && a.All(char.IsAsciiDigit) && (a.Length == 1 || a[0] != '0'));
    }
}
