using System.Security.Cryptography;
using System.Text;

namespace Conformance.Reports.Allure;

/// <summary>Stable identifiers: the same scenario gets the same historyId on every run and machine.</summary>
internal static class StableHash
{
    /// <summary>32 lowercase hex digits of SHA-256 over the UTF-8 text.</summary>
    public static string Of(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>historyId: the full name plus the parameters in name order.</summary>
    public static string History(string fullName, IEnumerable<AllureParameter> parameters)
    {
        var sb = new StringBuilder(fullName);
        foreach (var p in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(p.Name).Append('=').Append(p.Value);
        }
        return Of(sb.ToString());
    }
}
