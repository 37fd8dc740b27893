using Conformance.Reports.Coverage;
using Gherkin;
using Gherkin.Ast;

namespace Conformance.Steps.Support;

/// <summary>A scenario as written in a feature file (an outline counts once per example row).</summary>
public sealed record FeatureScenario(string FeaturePath, string Name, IReadOnlyList<string> Tags, IReadOnlyList<(string Keyword, string Text, bool HasArgument)> Steps)
{
    public string? TestCaseId => Tags.FirstOrDefault(t => t.StartsWith("TC_", StringComparison.Ordinal));

    public ScenarioRef ToRef() => new(TestCaseId ?? "", ScenarioDescription.SequenceOf(Name), Name);
}

/// <summary>Reads every feature file with the Gherkin parser (the one Reqnroll uses): for coverage, the glossary and the step catalog.</summary>
public static class FeatureCatalog
{
    public static IReadOnlyList<FeatureScenario> Load(string featuresDirectory)
    {
        var scenarios = new List<FeatureScenario>();
        foreach (string file in Directory.EnumerateFiles(featuresDirectory, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            GherkinDocument doc = new Parser().Parse(file);
            string path = Path.GetRelativePath(Path.GetDirectoryName(featuresDirectory)!, file).Replace('\\', '/');
            Collect(doc.Feature.Children, [.. Names(doc.Feature.Tags)], [], path, scenarios);
        }

        return scenarios;
    }

    private static void Collect(IEnumerable<IHasLocation> children, List<string> tags, List<Step> background, string path, List<FeatureScenario> into)
    {
        var inherited = new List<Step>(background);
        foreach (IHasLocation child in children)
        {
            switch (child)
            {
                case Background b:
                    inherited.AddRange(b.Steps);
                    break;
                case Rule r:
                    Collect(r.Children, [.. tags, .. Names(r.Tags)], inherited, path, into);
                    break;
                case Scenario s:
                    Expand(s, tags, inherited, path, into);
                    break;
            }
        }
    }

    private static void Expand(Scenario s, List<string> tags, List<Step> background, string path, List<FeatureScenario> into)
    {
        List<Step> steps = [.. background, .. s.Steps];
        List<string> own = [.. tags, .. Names(s.Tags)];
        if (!s.Examples.Any())
        {
            into.Add(new(path, s.Name, own.Distinct().ToList(), Texts(steps, _ => _)));
            return;
        }

        foreach (Examples examples in s.Examples)
        {
            string[] header = [.. examples.TableHeader.Cells.Select(c => c.Value)];
            foreach (Gherkin.Ast.TableRow row in examples.TableBody)
            {
                var values = header.Zip(row.Cells.Select(c => c.Value)).ToDictionary(p => p.First, p => p.Second);
                string Fill(string text) => values.Aggregate(text, (t, kv) => t.Replace($"<{kv.Key}>", kv.Value, StringComparison.Ordinal));
                into.Add(new(path, Fill(s.Name), own.Concat(Names(examples.Tags)).Distinct().ToList(), Texts(steps, Fill)));
            }
        }
    }

    /// <summary>Steps with their effective keyword (And/But take the one before) and whether a data table or doc string follows.</summary>
    private static List<(string, string, bool)> Texts(List<Step> steps, Func<string, string> fill)
    {
        var result = new List<(string, string, bool)>();
        string last = "Given";
        foreach (Step step in steps)
        {
            string keyword = step.Keyword.Trim();
            last = keyword is "And" or "But" or "*" ? last : keyword;
            result.Add((last, fill(step.Text), step.Argument is not null));
        }

        return result;
    }

    private static IEnumerable<string> Names(IEnumerable<Tag> tags) => tags.Select(t => t.Name.TrimStart('@'));
}
