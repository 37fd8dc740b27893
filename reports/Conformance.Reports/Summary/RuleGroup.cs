using System.Text.RegularExpressions;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Summary;

/// <summary>Scenarios of one verdict whose messages say the same thing: the same rule broken, the same cause or reason.</summary>
public sealed partial record RuleGroup(AllureStatus Status, string Rule, int Scenarios)
{
    private const int MaxLength = 160;

    /// <summary>
    /// What a message says, without what differs from scenario to scenario: its first line, with URLs, quoted texts,
    /// hex strings and long numbers (ICCIDs, transaction ids, ports, durations) replaced by placeholders.
    /// </summary>
    public static string RuleOf(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "(no message)";
        }

        string line = message.Split('\n')[0].Trim();
        line = Url().Replace(line, "<url>");
        line = Quoted().Replace(line, "'…'");
        line = Hex().Replace(line, "<hex>");
        line = Number().Replace(line, "<n>");
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"'[^']{40,}'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?=[0-9A-Fa-f]*[A-Fa-f])(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{8,}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"\b\d{5,}\b|\b\d+(\.\d+)? ?ms\b")]
    private static partial Regex Number();
}
