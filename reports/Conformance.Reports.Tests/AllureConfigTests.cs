using System.Text.Json;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Tests;

/// <summary>reports/allurerc.json must agree with what the writer writes.</summary>
public class AllureConfigTests
{
    private static JsonElement Config()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "reports", "allurerc.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
            }
        }
        throw new InvalidOperationException("reports/allurerc.json not found above the test directory");
    }

    [Test]
    public void Categories_of_the_config_are_the_writer_defaults()
    {
        var fromConfig = Config().GetProperty("categories").EnumerateArray().Select(c => (
            Name: c.GetProperty("name").GetString(),
            Statuses: string.Join(',', c.GetProperty("matchedStatuses").EnumerateArray().Select(s => s.GetString())),
            Message: c.TryGetProperty("messageRegex", out var m) ? m.GetString() : null,
            Trace: c.TryGetProperty("traceRegex", out var t) ? t.GetString() : null)).ToList();
        var defaults = AllureCategory.Defaults.Select(c => (
            Name: (string?)c.Name,
            Statuses: string.Join(',', c.MatchedStatuses.Select(s => s.ToString().ToLowerInvariant())),
            Message: c.MessageRegex,
            Trace: c.TraceRegex)).ToList();
        Assert.That(fromConfig, Is.EqualTo(defaults));
    }

    [Test]
    public void Config_renders_one_file_grouped_by_interface_function_and_test_case()
    {
        var options = Config().GetProperty("plugins").GetProperty("awesome").GetProperty("options");
        Assert.Multiple(() =>
        {
            Assert.That(options.GetProperty("singleFile").GetBoolean(), Is.True);
            Assert.That(options.GetProperty("groupBy").EnumerateArray().Select(g => g.GetString()),
                Is.EqualTo(new[] { AllureLabels.Epic, AllureLabels.Feature, AllureLabels.Story }));
        });
    }

    [Test]
    public void The_transport_category_regex_matches_a_timeout_trace()
    {
        var rx = new System.Text.RegularExpressions.Regex("^" + AllureCategory.Defaults[0].TraceRegex + "$");
        Assert.Multiple(() =>
        {
            Assert.That(rx.IsMatch(AllureStatusDetails.FromException(new TimeoutException("no answer\nwithin 10 s")).Trace!), Is.True);
            Assert.That(rx.IsMatch(AllureStatusDetails.FromException(new InvalidOperationException("null reference")).Trace!), Is.False);
        });
    }
}
