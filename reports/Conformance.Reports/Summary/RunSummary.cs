using Conformance.Reports.Allure;

namespace Conformance.Reports.Summary;

/// <summary>Verdict counts of one interface (epic), or of the whole run.</summary>
public sealed record VerdictCounts(string Interface, int Passed, int Failed, int Broken, int Skipped)
{
    public int Total => Passed + Failed + Broken + Skipped;

    internal static VerdictCounts Of(string name, IEnumerable<AllureResult> results)
    {
        int passed = 0, failed = 0, broken = 0, skipped = 0;
        foreach (var r in results)
        {
            switch (r.Status)
            {
                case AllureStatus.Passed: passed++; break;
                case AllureStatus.Failed: failed++; break;
                case AllureStatus.Broken: broken++; break;
                default: skipped++; break;
            }
        }
        return new(name, passed, failed, broken, skipped);
    }
}

/// <summary>Passed / failed / broken / skipped per interface and in total, for the console at the end of a run.</summary>
public sealed class RunSummary
{
    private RunSummary(IReadOnlyList<VerdictCounts> rows, VerdictCounts total, IReadOnlyList<RuleGroup> groups)
    {
        Rows = rows;
        Total = total;
        Groups = groups;
    }

    /// <summary>The scenarios that did not pass, by verdict and by what their message says (the rule broken, the reason skipped).</summary>
    public IReadOnlyList<RuleGroup> Groups { get; }

    /// <summary>One row per interface (epic), in name order.</summary>
    public IReadOnlyList<VerdictCounts> Rows { get; }

    public VerdictCounts Total { get; }

    /// <summary>True when nothing failed or broke.</summary>
    public bool Succeeded => Total.Failed + Total.Broken == 0;

    /// <summary>Counts the scenarios (run artifacts such as the coverage matrix are left out).</summary>
    public static RunSummary From(IEnumerable<AllureResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scenarios = results.Where(r => !r.IsRunArtifact).ToList();
        var rows = scenarios
            .GroupBy(r => r.Label(AllureLabels.Epic) ?? "(none)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => VerdictCounts.Of(g.Key, g))
            .ToList();
        var groups = scenarios
            .Where(r => r.Status is not AllureStatus.Passed)
            .GroupBy(r => (r.Status, Rule: RuleGroup.RuleOf(r.StatusDetails?.Message)))
            .Select(g => new RuleGroup(g.Key.Status, g.Key.Rule, g.Count()))
            .OrderBy(g => g.Status switch { AllureStatus.Failed => 0, AllureStatus.Broken => 1, _ => 2 })
            .ThenByDescending(g => g.Scenarios).ThenBy(g => g.Rule, StringComparer.Ordinal)
            .ToList();
        return new RunSummary(rows, VerdictCounts.Of("total", scenarios), groups);
    }

    /// <summary>
    /// Prints the table, then the plain closing line "N passed, N failed[, N skipped]"
    /// (broken scenarios count as failed there).
    /// </summary>
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Groups.Count > 0)
        {
            // 63 failures read as the dozen defects they are: one line per rule broken, with its scenario count.
            output.WriteLine("by rule (failed), by cause (broken), by reason (skipped):");
            foreach (RuleGroup g in Groups)
            {
                output.WriteLine(FormattableString.Invariant($"  {g.Status.ToString().ToLowerInvariant(),-8} {g.Scenarios,4} x {g.Rule}"));
            }

            output.WriteLine();
        }

        var width = Math.Max("interface".Length, Rows.Select(r => r.Interface.Length).DefaultIfEmpty(0).Max());
        var header = $"{"interface".PadRight(width)}  {"passed",7}  {"failed",7}  {"broken",7}  {"skipped",7}  {"total",7}";
        var rule = new string('-', header.Length);
        output.WriteLine(header);
        output.WriteLine(rule);
        foreach (var row in Rows)
        {
            output.WriteLine(Line(row, width));
        }
        output.WriteLine(rule);
        output.WriteLine(Line(Total, width));
        var closing = $"{Total.Passed} passed, {Total.Failed + Total.Broken} failed";
        output.WriteLine(Total.Skipped > 0 ? $"{closing}, {Total.Skipped} skipped" : closing);
    }

    private static string Line(VerdictCounts c, int width) =>
        FormattableString.Invariant($"{c.Interface.PadRight(width)}  {c.Passed,7}  {c.Failed,7}  {c.Broken,7}  {c.Skipped,7}  {c.Total,7}");
}
