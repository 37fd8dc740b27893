using System.Diagnostics;
using System.Xml.Linq;
using Conformance.Reports.Allure;
using Conformance.Reports.JUnit;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>One scenario of a run as junit.xml has it: its name, whether it failed, and the failure (or skip) message.</summary>
public sealed record ScenarioResult(string Name, string Outcome, string? Message)
{
    public bool Failed => Outcome is "failed" or "error";

    public bool Passed => Outcome == "passed";
}

/// <summary>What one harness run came to: exit code, scenario results (from its junit.xml), time taken, log.</summary>
public sealed record HarnessRunResult(int ExitCode, IReadOnlyList<ScenarioResult> Scenarios, TimeSpan Elapsed, string JUnitPath, string Log);

/// <summary>
/// Runs the conformance features as <c>./conformance run</c> does, as a child process: <c>dotnet test</c> of the
/// built Conformance.Steps DLL with the run's test filter and only the given CONFORMANCE_* settings (the
/// caller's are dropped), then junit.xml from its allure-results. The DLL is run directly (no MSBuild), so
/// one run costs the test host start, the PKI, the reference SM-DP+ start and the scenarios.
/// </summary>
public static class HarnessProcess
{
    /// <summary>The built Conformance.Steps.DLL of the same configuration as this test assembly.</summary>
    public static string StepsDll
    {
        get
        {
            // bin/<Configuration>/net10.0/ of this project; the steps project builds to the same layout.
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = tfm.Parent!.Name;
            return Path.Combine(RepoPaths.Root, "steps", "bin", configuration, tfm.Name, "Conformance.Steps.dll");
        }
    }

    /// <summary>The scenarios of features/ that a run with these settings selects (its tags, curves and target).</summary>
    public static IReadOnlyList<FeatureScenario> Selected(IReadOnlyDictionary<string, string> settings)
    {
        TargetConfig config = TargetConfig.Load(ConfigSources.From(name => settings.GetValueOrDefault(name)));
        TagExpression? selection = RunSelection.Of(config);
        return FeatureCatalog.Load(RepoPaths.Features).Where(s => selection is null || selection.Matches(s.Tags)).ToList();
    }

    /// <summary>
    /// Runs the features with <paramref name="settings"/> (CONFORMANCE_* variables; CONFORMANCE_OUT is set to
    /// <paramref name="outDirectory"/>). The child is killed after <paramref name="limit"/>.
    /// </summary>
    public static async Task<HarnessRunResult> RunAsync(IReadOnlyDictionary<string, string> settings, string outDirectory, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TargetConfig config = TargetConfig.Load(ConfigSources.From(name => name == "CONFORMANCE_OUT" ? outDirectory : settings.GetValueOrDefault(name)));
        string filter = RunSelection.TestFilter(config);
        if (Directory.Exists(outDirectory))
        {
            Directory.Delete(outDirectory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(outDirectory, "allure-results"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = outDirectory,
        };
        foreach (string arg in (string[])["test", StepsDll, "--nologo", "--results-directory", Path.Combine(outDirectory, "trx"), "--logger", "trx"])
        {
            start.ArgumentList.Add(arg);
        }

        if (filter.Length > 0)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("CONFORMANCE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in settings)
        {
            start.Environment[name] = value;
        }

        start.Environment["CONFORMANCE_OUT"] = outDirectory;
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> stdout = child.StandardOutput.ReadToEndAsync();
        Task<string> stderr = child.StandardError.ReadToEndAsync();
        using (var cts = new CancellationTokenSource(limit))
        {
            try
            {
                await child.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        TimeSpan elapsed = clock.Elapsed;
        string log = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        string junit = Path.Combine(outDirectory, "junit.xml");
        JUnitWriter.Write(AllureResultsReader.ReadResults(Path.Combine(outDirectory, "allure-results")), junit);
        return new HarnessRunResult(child.ExitCode, ReadJUnit(junit), elapsed, junit, log);
    }

    /// <summary>
    /// The lines of a child's log that say why scenarios lack results (a harness that could not start leaves
    /// no allure results at all): the first error messages and exceptions, then the summary.
    /// </summary>
    public static string Why(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        string[] lines = log.Split('\n');
        var why = new List<string>();
        for (int i = 0; i < lines.Length && why.Count < 8; i++)
        {
            if (lines[i].Contains("Error Message:", StringComparison.Ordinal) && i + 1 < lines.Length)
            {
                why.Add(lines[i + 1].Trim());
            }
            else if (lines[i].Contains("could not start", StringComparison.Ordinal) || lines[i].Contains("Exception:", StringComparison.Ordinal))
            {
                why.Add(lines[i].Trim());
            }
        }

        return string.Join('\n', why.Distinct().Concat(lines.TakeLast(4)));
    }

    /// <summary>Every testcase of a junit.xml with its outcome and failure (or error) message.</summary>
    public static IReadOnlyList<ScenarioResult> ReadJUnit(string path) =>
        XDocument.Load(path).Descendants("testcase").Select(c =>
        {
            XElement? problem = c.Element("failure") ?? c.Element("error");
            string outcome = problem?.Name.LocalName switch
            {
                "failure" => "failed",
                "error" => "error",
                _ => c.Element("skipped") is not null ? "skipped" : "passed",
            };
            return new ScenarioResult(c.Attribute("name")?.Value ?? "", outcome, (problem ?? c.Element("skipped"))?.Attribute("message")?.Value);
        }).ToList();
}
