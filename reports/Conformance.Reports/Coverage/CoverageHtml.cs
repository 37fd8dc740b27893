using System.Globalization;
using System.Net;
using System.Text;

namespace Conformance.Reports.Coverage;

/// <summary>The matrix as a self-contained HTML page (an attachment in the Allure report).</summary>
public static class CoverageHtml
{
    public static string Render(CoverageMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SGP.23 coverage</title><style>")
            .Append("body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right}")
            .Append("tr.none td{background:#f4f4f4;color:#888}tr.fail td{background:#fde2e1}tr.ok td{background:#e3f6e3}")
            .Append("</style></head><body><h1>SGP.23 coverage</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{matrix.CoveredTestCases} of {matrix.TestCases} test cases have scenarios; {matrix.CompleteTestCases} cover every listed sequence; " +
            $"{matrix.CatalogSequences - matrix.MissingSequences} of {matrix.CatalogSequences} listed sequences have a scenario.</p>");
        html.Append("<table><tr><th>test case</th><th>§</th><th>side</th><th>scenarios</th><th>passed</th><th>failed</th>")
            .Append("<th>broken</th><th>skipped</th><th>not run</th><th>sequences with a scenario</th><th>sequences without</th></tr>");
        foreach (var r in matrix.Rows)
        {
            var css = r.Uncovered ? "none" : r.Failed + r.Broken > 0 ? "fail" : r.Passed > 0 ? "ok" : "";
            var (covered, missing) = r.SequenceCells();
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{css}\"><td>{E(r.TestCase.Id)}</td><td>{E(r.TestCase.Section ?? "?")}</td><td>{E(r.TestCase.Side)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{r.Scenarios}</td><td class=\"n\">{r.Passed}</td><td class=\"n\">{r.Failed}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{r.Broken}</td><td class=\"n\">{r.Skipped}</td><td class=\"n\">{r.NotRun}</td><td>{E(covered)}</td><td>{E(missing)}</td></tr>");
        }
        html.Append("</table><p>A sequence marked ? is one the public sources do not confirm (fixtures/sgp23/catalog.json says why).</p>");
        if (matrix.UnknownScenarios.Count > 0)
        {
            html.Append("<h2>Scenarios with a test-case ID not in the catalog</h2><ul>");
            foreach (var s in matrix.UnknownScenarios)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(s.TestCaseId)} {E(s.Sequence ?? "")} {E(s.Name)}</li>");
            }
            html.Append("</ul>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
