using System.Text;

namespace Conformance.Adapters.Bpp;

/// <summary>The outcome of <see cref="BppVerifier.Verify"/>: the rules broken, and a log of what was checked.</summary>
public sealed record BppVerificationReport(IReadOnlyList<BppViolation> Violations, IReadOnlyList<string> Checks)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>The report as plain text: one line per violation, then every check made (for a report attachment).</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Passed ? "BPP verification: all rules satisfied" : $"BPP verification: {Violations.Count} violation(s)");
        foreach (BppViolation v in Violations)
        {
            sb.AppendLine($"  VIOLATION {v}");
        }
        sb.AppendLine("Checks:");
        foreach (string c in Checks)
        {
            sb.AppendLine($"  {c}");
        }
        return sb.ToString();
    }
}
