using System.Globalization;
using System.Text;
using System.Xml;
using Conformance.Reports.Allure;

namespace Conformance.Reports.JUnit;

/// <summary>
/// JUnit XML in the common Surefire/Jenkins shape, from the allure results: one
/// &lt;testsuite&gt; per feature (SGP.23 function), one &lt;testcase&gt; per scenario.
/// failed -&gt; &lt;failure&gt;, broken -&gt; &lt;error&gt;, skipped -&gt; &lt;skipped/&gt;; the step
/// log goes to &lt;system-out&gt;. Run artifacts (coverage matrix) are left out.
/// </summary>
public static class JUnitWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>Writes the file (atomically).</summary>
    public static void Write(IEnumerable<AllureResult> results, string path, string name = "RSP conformance")
    {
        using var buffer = new MemoryStream();
        Write(results, buffer, name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    public static void Write(IEnumerable<AllureResult> results, Stream output, string name = "RSP conformance")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var scenarios = results.Where(r => !r.IsRunArtifact).ToList();
        var suites = scenarios
            .GroupBy(r => r.Label(AllureLabels.Feature) ?? "(no feature)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", name);
        WriteCounts(xml, scenarios);
        foreach (var suite in suites)
        {
            WriteSuite(xml, suite.Key, [.. suite]);
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteSuite(XmlWriter xml, string feature, List<AllureResult> cases)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlSafe(feature));
        WriteCounts(xml, cases);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(cases.Min(c => c.Start));
        xml.WriteAttributeString("timestamp", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", cases[0].Label(AllureLabels.Host) ?? "localhost");
        foreach (var c in cases)
        {
            WriteCase(xml, c);
        }
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, AllureResult c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", XmlSafe(ClassName(c)));
        xml.WriteAttributeString("name", XmlSafe(CaseName(c)));
        xml.WriteAttributeString("time", Seconds(c.DurationSeconds));
        var message = c.StatusDetails?.Message ?? string.Empty;
        switch (c.Status)
        {
            case AllureStatus.Failed:
                WriteProblem(xml, "failure", message, "AssertionError", c.StatusDetails?.Trace ?? message);
                break;
            case AllureStatus.Broken:
                WriteProblem(xml, "error", message, "Error", c.StatusDetails?.Trace ?? message);
                break;
            case AllureStatus.Skipped:
                xml.WriteStartElement("skipped");
                if (message.Length > 0)
                {
                    xml.WriteAttributeString("message", XmlSafe(message));
                }
                xml.WriteEndElement();
                break;
            case AllureStatus.Passed:
            default:
                break;
        }
        var log = new StringBuilder();
        AppendSteps(log, c.Steps, 0);
        if (log.Length > 0)
        {
            xml.WriteElementString("system-out", XmlSafe(log.ToString()));
        }
        xml.WriteEndElement();
    }

    private static void WriteProblem(XmlWriter xml, string element, string message, string type, string text)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", XmlSafe(message));
        xml.WriteAttributeString("type", type);
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<AllureResult> cases)
    {
        xml.WriteAttributeString("tests", Count(cases.Count));
        xml.WriteAttributeString("failures", Count(cases.Count(c => c.Status == AllureStatus.Failed)));
        xml.WriteAttributeString("errors", Count(cases.Count(c => c.Status == AllureStatus.Broken)));
        xml.WriteAttributeString("skipped", Count(cases.Count(c => c.Status == AllureStatus.Skipped)));
        xml.WriteAttributeString("time", Seconds(cases.Sum(c => c.DurationSeconds)));
    }

    /// <summary>"ES9+.InitiateAuthentication": interface and function, like a package and class.</summary>
    private static string ClassName(AllureResult c)
    {
        var epic = c.Label(AllureLabels.Epic);
        var feature = c.Label(AllureLabels.Feature);
        return epic is null ? feature ?? c.FullName : $"{epic}.{feature}";
    }

    /// <summary>"#03 invalid SM-DP+ address [TC_...NIST]": sequence, title, test-case ID.</summary>
    private static string CaseName(AllureResult c)
    {
        var sequence = c.Label(AllureLabels.Sequence);
        var id = c.Label(AllureLabels.Story);
        var name = sequence is null || c.Name.StartsWith(sequence, StringComparison.Ordinal) ? c.Name : $"{sequence} {c.Name}";
        return id is null ? name : $"{name} [{id}]";
    }

    private static void AppendSteps(StringBuilder log, List<AllureStep> steps, int depth)
    {
        foreach (var step in steps)
        {
            log.Append(' ', depth * 2).Append('[').Append(step.Status.ToString().ToLowerInvariant()).Append("] ").Append(step.Name);
            if (step.StatusDetails?.Message is { Length: > 0 } m)
            {
                log.Append(" -- ").Append(m);
            }
            log.Append('\n');
            AppendSteps(log, step.Steps, depth + 1);
        }
    }

    /// <summary>
    /// Characters XML 1.0 cannot carry (control bytes in a decoded message, lone surrogates)
    /// become "\uXXXX" text, so the file stays well-formed and nothing is silently dropped.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }
        return sb.ToString();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);
}
