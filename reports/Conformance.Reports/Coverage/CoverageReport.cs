using System.Text;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Coverage;

/// <summary>Writes the coverage matrix where people look: coverage.md and the Allure report.</summary>
public static class CoverageReport
{
    /// <summary>Writes coverage.md into a directory; returns its path.</summary>
    public static string WriteMarkdown(CoverageMatrix matrix, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "coverage.md");
        File.WriteAllText(path, CoverageMarkdown.Render(matrix), new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// Adds the matrix to the Allure results: coverage.html and coverage.md as global
    /// attachments of the run (allure 3 "Global Attachments"). With <paramref name="asResult"/>
    /// also as a result "SGP.23 coverage" under the epic "Coverage", which allure 2 shows too
    /// (it then counts as one passed entry in the report's totals; JUnit and the console summary
    /// leave it out).
    /// </summary>
    public static void AttachTo(AllureRun run, CoverageMatrix matrix, bool asResult = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = Encoding.UTF8.GetBytes(CoverageHtml.Render(matrix));
        var markdown = Encoding.UTF8.GetBytes(CoverageMarkdown.Render(matrix));
        run.WriteGlobalAttachment("SGP.23 coverage.html", MimeTypes.Html, html);
        run.WriteGlobalAttachment("SGP.23 coverage.md", MimeTypes.Markdown, markdown);
        if (asResult)
        {
            run.WriteArtifact("SGP.23 coverage", "Coverage", [("coverage.html", MimeTypes.Html, html), ("coverage.md", MimeTypes.Markdown, markdown)]);
        }
    }
}
