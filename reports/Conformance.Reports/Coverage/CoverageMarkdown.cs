using System.Globalization;
using System.Text;

namespace Conformance.Reports.Coverage;

/// <summary>coverage.md: the matrix as a markdown table, per test-case ID.</summary>
public static class CoverageMarkdown
{
    public static string Render(CoverageMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var md = new StringBuilder();
        md.Append("# SGP.23 coverage\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"{matrix.CoveredTestCases} of {matrix.TestCases} test cases have scenarios; {matrix.CompleteTestCases} cover every listed sequence; " +
            $"{matrix.CatalogSequences - matrix.MissingSequences} of {matrix.CatalogSequences} listed sequences have a scenario.\n\n");
        md.Append("| test case | § | side | scenarios | passed | failed | broken | skipped | not run | sequences with a scenario | sequences without |\n");
        md.Append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var r in matrix.Rows)
        {
            var (covered, missing) = r.SequenceCells();
            md.Append(CultureInfo.InvariantCulture,
                $"| `{r.TestCase.Id}` | {r.TestCase.Section ?? "?"} | {r.TestCase.Side} | {r.Scenarios} | {r.Passed} | {r.Failed} | {r.Broken} | {r.Skipped} | {r.NotRun} | {Escape(covered)} | {Escape(missing)} |\n");
        }
        md.Append("\nA sequence marked `?` is one the public sources do not confirm (fixtures/sgp23/catalog.json says why).\n");
        AppendExtras(md, matrix);
        return md.ToString();
    }

    private static void AppendExtras(StringBuilder md, CoverageMatrix matrix)
    {
        var extra = matrix.Rows.Where(r => r.ExtraSequences.Count > 0).ToList();
        if (extra.Count > 0)
        {
            md.Append("\n## Sequences not in the catalog\n\n");
            foreach (var r in extra)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{r.TestCase.Id}`: {string.Join(' ', r.ExtraSequences)}\n");
            }
        }
        if (matrix.UnknownScenarios.Count > 0)
        {
            md.Append("\n## Scenarios with a test-case ID not in the catalog\n\n");
            foreach (var s in matrix.UnknownScenarios)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{s.TestCaseId}` {s.Sequence} {Escape(s.Name)}\n");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
