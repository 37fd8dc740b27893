using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Reports.Allure;
using Conformance.Reports.Coverage;

namespace Conformance.Reports.Tests;

/// <summary>
/// Renders results written by <see cref="AllureRun"/> with the pinned Allure CLI through
/// scripts/report.sh, then reads the data embedded in the single HTML file back.
/// </summary>
[NonParallelizable]
public partial class AllureCliRenderTests
{
    [GeneratedRegex("""d\("((?:data|widgets)/[^"]+)","([A-Za-z0-9+/=]*)"\)""")]
    private static partial Regex EmbeddedFile();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "report.sh")) && File.Exists(Path.Combine(dir.FullName, "reports", "package.json")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (scripts/report.sh) not found above the test directory");
    }

    private static (int Code, string Output) Bash(string root, string script, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"'{script}' did not finish within {timeout}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Test]
    public void Renders_a_single_file_report_with_steps_and_attachments()
    {
        var root = RepoRoot();
        if (Bash(root, "command -v node && command -v npm", TimeSpan.FromSeconds(10)).Code != 0)
        {
            Assert.Ignore("node and npm are not on PATH: the Allure CLI cannot run here");
        }
        using var tmp = new TempDir();
        var results = Path.Combine(tmp.Path, "allure-results");
        var run = new AllureRun(results);
        var passed = run.StartScenario(Sample.Info(name: "nominal", sequence: "#01"));
        passed.StartStep("When the LPA calls InitiateAuthentication");
        passed.Attach("request", MimeTypes.Json, "{\"smdpAddress\":\"127.0.0.1\"}");
        passed.EndStep(AllureStatus.Passed);
        passed.Finish(AllureStatus.Passed);
        Sample.Run(run, Sample.Info(name: "invalid SM-DP+ address"), AllureStatus.Failed, "expected 8.8.1 / 3.8");
        run.WriteEnvironment(new Dictionary<string, string> { ["target"] = "reference" });
        run.WriteCategories();
        CoverageReport.AttachTo(run, CoverageMatrix.Build(
            Sgp23Catalog.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "sgp23", "catalog.json")), [], ScenarioVerdict.FromResults(run.Results)));

        var output = Path.Combine(tmp.Path, "html");
        var (code, log) = Bash(root, $"source scripts/report.sh && report_render '{results}' '{output}' 'render test'", TimeSpan.FromMinutes(5));
        Assert.That(code, Is.Zero, log);

        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        var embedded = EmbeddedFile().Matches(html).ToDictionary(m => m.Groups[1].Value, m => Convert.FromBase64String(m.Groups[2].Value));
        var tests = embedded.Where(e => e.Key.StartsWith("data/test-results/", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e.Value).RootElement)
            .ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("googletagmanager"), "no request leaves the file");
            Assert.That(Directory.GetFiles(output, "*.js"), Is.Empty, "single file: scripts are inline");
            Assert.That(tests.Keys, Is.EquivalentTo(new[] { "nominal", "invalid SM-DP+ address" }));
            Assert.That(tests["nominal"].GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(tests["invalid SM-DP+ address"].GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(tests["invalid SM-DP+ address"].GetProperty("error").GetProperty("message").GetString(), Is.EqualTo("expected 8.8.1 / 3.8"));
            var stepsJson = tests["nominal"].GetProperty("steps").GetRawText();
            Assert.That(stepsJson, Does.Contain("When the LPA calls InitiateAuthentication").And.Contain("request"));
            Assert.That(embedded.Where(e => e.Key.StartsWith("data/attachments/", StringComparison.Ordinal)).Select(e => Encoding.UTF8.GetString(e.Value)),
                Does.Contain("{\"smdpAddress\":\"127.0.0.1\"}"));
            var globals = JsonDocument.Parse(embedded["widgets/globals.json"]).RootElement.GetProperty("attachments");
            Assert.That(globals.EnumerateArray().Select(a => a.GetProperty("name").GetString()),
                Is.EquivalentTo(new[] { "SGP.23 coverage.html", "SGP.23 coverage.md" }), "the coverage matrix is in the report");
        });
    }
}
