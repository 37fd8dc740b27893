using System.Globalization;
using System.Text;

namespace Conformance.Reports.Allure;

/// <summary>
/// One run of the harness writing an allure-results directory. Thread-safe: scenarios may be
/// started and finished from any thread; every file is written atomically under a unique name.
/// </summary>
/// <example>
/// <code>
/// var run = new AllureRun("reports/out/allure-results", clean: true);
/// var sc = run.StartScenario(new ScenarioInfo("nominal", "ES9+", "InitiateAuthentication") { TestCaseId = id, Sequence = "#01" });
/// sc.StartStep("When the LPA calls InitiateAuthentication");
/// sc.Attach("request", MimeTypes.Json, json);
/// sc.EndStep(AllureStatus.Passed);
/// sc.Finish(AllureStatus.Passed);
/// run.WriteEnvironment(new Dictionary&lt;string, string&gt; { ["target"] = "reference" });
/// </code>
/// </example>
public sealed class AllureRun
{
    private static readonly string[] OwnFilePatterns =
        ["*-result.json", "*-container.json", "*-globals.json", "*-attachment.*", "environment.properties", "categories.json", "executor.json"];

    private readonly Lock _gate = new();
    private readonly List<AllureResult> _results = [];

    /// <param name="resultsDirectory">Created when missing.</param>
    /// <param name="clean">Delete the allure files of an earlier run first (other files are kept).</param>
    /// <param name="clock">Time source for start/stop stamps; the system clock by default.</param>
    public AllureRun(string resultsDirectory, bool clean = false, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsDirectory);
        ResultsDirectory = Path.GetFullPath(resultsDirectory);
        Clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(ResultsDirectory);
        if (clean)
        {
            foreach (var file in OwnFilePatterns.SelectMany(p => Directory.EnumerateFiles(ResultsDirectory, p)))
            {
                File.Delete(file);
            }
        }
    }

    public string ResultsDirectory { get; }

    internal TimeProvider Clock { get; }

    /// <summary>The results finished so far in this run, in finishing order.</summary>
    public IReadOnlyList<AllureResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    /// <summary>Starts recording a scenario; finish it with <see cref="ScenarioRecorder.Finish(AllureStatus, AllureStatusDetails?)"/>.</summary>
    public ScenarioRecorder StartScenario(ScenarioInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new ScenarioRecorder(this, info);
    }

    /// <summary>environment.properties: shown as the report's Environment widget.</summary>
    public void WriteEnvironment(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var text = new StringBuilder();
        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(PropertiesEscape(key, isKey: true)).Append('=').Append(PropertiesEscape(value, isKey: false)).Append('\n');
        }
        AtomicFile.WriteAllBytes(PathOf("environment.properties"), Encoding.ASCII.GetBytes(text.ToString()));
    }

    /// <summary>categories.json; <see cref="AllureCategory.Defaults"/> when none are given.</summary>
    public void WriteCategories(IEnumerable<AllureCategory>? categories = null) =>
        AtomicFile.WriteAllBytes(PathOf("categories.json"), AllureJson.Serialize((categories ?? AllureCategory.Defaults).ToList()));

    /// <summary>executor.json.</summary>
    public void WriteExecutor(AllureExecutor executor) =>
        AtomicFile.WriteAllBytes(PathOf("executor.json"), AllureJson.Serialize(executor));

    /// <summary>
    /// Attaches a file to the run as a whole (allure 3 lists it under "Global Attachments";
    /// allure 2 does not read globals, see <see cref="WriteArtifact"/> for a result it shows).
    /// </summary>
    public AllureGlobalAttachment WriteGlobalAttachment(string name, string mimeType, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        var file = WriteAttachment(name, mimeType, content);
        var attachment = new AllureGlobalAttachment(file.Name, file.Source, file.Type, NowMs());
        AtomicFile.WriteAllBytes(PathOf($"{Guid.NewGuid()}-globals.json"), AllureJson.Serialize(new AllureGlobals { Attachments = [attachment] }));
        return attachment;
    }

    /// <summary>
    /// Writes a result that describes the run rather than a scenario (for example the SGP.23
    /// coverage matrix), with the given attachments. Summaries and JUnit leave it out.
    /// </summary>
    public AllureResult WriteArtifact(string name, string epic, IEnumerable<(string Name, string MimeType, byte[] Content)> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var sc = StartScenario(new ScenarioInfo(name, epic, name) { Framework = "conformance", FullName = $"run artifact: {name}" });
        sc.AddLabel(AllureLabels.Artifact, name);
        foreach (var (attachmentName, mime, content) in attachments)
        {
            sc.Attach(attachmentName, mime, content);
        }
        return sc.Finish(AllureStatus.Passed);
    }

    internal long NowMs() => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    internal string PathOf(string fileName) => Path.Combine(ResultsDirectory, fileName);

    /// <summary>Writes an attachment file and returns its reference.</summary>
    internal AllureAttachment WriteAttachment(string name, string mimeType, ReadOnlySpan<byte> content)
    {
        var source = $"{Guid.NewGuid()}-attachment.{MimeTypes.Extension(mimeType)}";
        AtomicFile.WriteAllBytes(PathOf(source), content);
        return new AllureAttachment(name, source, mimeType);
    }

    internal void Complete(AllureResult result, AllureContainer? container)
    {
        // The result first: a container must not name a child that is not there yet.
        AtomicFile.WriteAllBytes(PathOf($"{result.Uuid}-result.json"), AllureJson.Serialize(result));
        if (container is not null)
        {
            AtomicFile.WriteAllBytes(PathOf($"{container.Uuid}-container.json"), AllureJson.Serialize(container));
        }
        lock (_gate)
        {
            _results.Add(result);
        }
    }

    /// <summary>Java .properties escaping (ISO-8859-1 with \uXXXX for anything else).</summary>
    private static string PropertiesEscape(string text, bool isKey)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case '=' or ':' or '#' or '!' when isKey || i == 0: sb.Append('\\').Append(c); break;
                case ' ' when isKey || i == 0: sb.Append(@"\ "); break;
                case < ' ' or > '~': sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
