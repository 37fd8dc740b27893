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
    /// Adds the matrix to the Allure results as a run artifact ("SGP.23 coverage", epic
    /// "Coverage") with the HTML and markdown versions attached.
    /// </summary>
    public static AllureResult AttachTo(AllureRun run, CoverageMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.WriteArtifact("SGP.23 coverage", "Coverage",
        [
            ("coverage.html", MimeTypes.Html, Encoding.UTF8.GetBytes(CoverageHtml.Render(matrix))),
            ("coverage.md", MimeTypes.Markdown, Encoding.UTF8.GetBytes(CoverageMarkdown.Render(matrix))),
        ]);
    }
}
