using System.Text;
using System.Text.Json;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Tests;

/// <summary>
/// The result file as allure reads it: checked on the raw JSON (property names, lowercase
/// statuses, nested steps, attachment files), not through our own model.
/// </summary>
public class AllureResultFileTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static (JsonElement Root, string Dir) WriteOne(TempDir tmp, Action<ScenarioRecorder> body, AllureStatus status)
    {
        var run = new AllureRun(tmp.Path, clock: new ManualClock(T0, TimeSpan.FromMilliseconds(10)));
        var sc = run.StartScenario(Sample.Info());
        body(sc);
        sc.Finish(status, status == AllureStatus.Passed ? null : new AllureStatusDetails("expected 8.8.1 / 3.8", "at step"));
        var file = Directory.GetFiles(tmp.Path, "*-result.json").Single();
        Assert.That(Path.GetFileName(file), Is.EqualTo($"{sc.Uuid}-result.json"));
        return (JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.Clone(), tmp.Path);
    }

    private static Dictionary<string, List<string>> Labels(JsonElement root) =>
        root.GetProperty("labels").EnumerateArray()
            .GroupBy(l => l.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(l => l.GetProperty("value").GetString()!).ToList());

    [Test]
    public void Result_has_the_fields_allure_needs()
    {
        using var tmp = new TempDir();
        var (root, _) = WriteOne(tmp, sc =>
        {
            sc.StartStep("Given an eUICC with default SM-DP+ address");
            sc.EndStep(AllureStatus.Passed);
        }, AllureStatus.Failed);

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(root.GetProperty("uuid").GetString(), out _), Is.True);
            Assert.That(root.GetProperty("historyId").GetString(), Has.Length.EqualTo(32));
            Assert.That(root.GetProperty("testCaseId").GetString(), Has.Length.EqualTo(32));
            Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("invalid SM-DP+ address"));
            Assert.That(root.GetProperty("fullName").GetString(), Is.EqualTo("ES9+/InitiateAuthentication: invalid SM-DP+ address"));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(root.GetProperty("stage").GetString(), Is.EqualTo("finished"));
            Assert.That(root.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("expected 8.8.1 / 3.8"));
            Assert.That(root.GetProperty("statusDetails").GetProperty("trace").GetString(), Is.EqualTo("at step"));
            Assert.That(root.GetProperty("start").GetInt64(), Is.EqualTo(T0.ToUnixTimeMilliseconds()));
            Assert.That(root.GetProperty("stop").GetInt64(), Is.GreaterThan(root.GetProperty("start").GetInt64()));
            var p = root.GetProperty("parameters")[0];
            Assert.That((p.GetProperty("name").GetString(), p.GetProperty("value").GetString()), Is.EqualTo(("smdpAddress", "wrong.example.com")));
            var link = root.GetProperty("links")[0];
            Assert.That(link.GetProperty("type").GetString(), Is.EqualTo("tms"));
            Assert.That(link.GetProperty("url").GetString(), Is.EqualTo("https://example.org/sgp23"));
        });
    }

    [Test]
    public void Labels_carry_interface_function_test_case_and_run_facts()
    {
        using var tmp = new TempDir();
        var labels = Labels(WriteOne(tmp, _ => { }, AllureStatus.Passed).Root);
        Assert.Multiple(() =>
        {
            Assert.That(labels["epic"], Is.EqualTo(new[] { "ES9+" }));
            Assert.That(labels["feature"], Is.EqualTo(new[] { "InitiateAuthentication" }));
            Assert.That(labels["story"], Is.EqualTo(new[] { Sample.IaNist }));
            Assert.That(labels["parentSuite"], Is.EqualTo(new[] { "ES9+" }));
            Assert.That(labels["suite"], Is.EqualTo(new[] { "InitiateAuthentication" }));
            Assert.That(labels["subSuite"], Is.EqualTo(new[] { Sample.IaNist }));
            Assert.That(labels["severity"], Is.EqualTo(new[] { "critical" }));
            Assert.That(labels["tag"], Is.EqualTo(new[] { "smdp", "es9plus", "negative", Sample.IaNist }));
            Assert.That(labels["curve"], Is.EqualTo(new[] { "NIST" }));
            Assert.That(labels["target"], Is.EqualTo(new[] { "reference" }));
            Assert.That(labels["host"], Is.EqualTo(new[] { "test-host" }));
            Assert.That(labels["framework"], Is.EqualTo(new[] { "Reqnroll" }));
            Assert.That(labels["sequence"], Is.EqualTo(new[] { "#03" }));
            Assert.That(labels["side"], Is.EqualTo(new[] { "smdp" }));
        });
    }

    [Test]
    public void Steps_nest_and_carry_their_attachments_which_exist_as_files()
    {
        using var tmp = new TempDir();
        var (root, dir) = WriteOne(tmp, sc =>
        {
            sc.StartStep("When the LPA calls InitiateAuthentication");
            sc.StartStep("POST /gsma/rsp2/es9plus/initiateAuthentication");
            sc.Attach("request", MimeTypes.Json, "{\"euiccChallenge\":\"AAE=\"}");
            sc.EndStep(AllureStatus.Passed);
            sc.EndStep(AllureStatus.Passed);
            sc.StartStep("Then the SM-DP+ answers Failed with 8.8.1 / 3.8");
            sc.EndStep(new InvalidOperationException("no answer"));
            sc.Attach("exchange", MimeTypes.Html, "<b>log</b>");
        }, AllureStatus.Broken);

        var steps = root.GetProperty("steps");
        Assert.That(steps.GetArrayLength(), Is.EqualTo(2));
        var inner = steps[0].GetProperty("steps")[0];
        var attachment = inner.GetProperty("attachments")[0];
        var source = attachment.GetProperty("source").GetString()!;
        var scenarioAttachment = root.GetProperty("attachments")[0];
        Assert.Multiple(() =>
        {
            Assert.That(steps[0].GetProperty("name").GetString(), Is.EqualTo("When the LPA calls InitiateAuthentication"));
            Assert.That(steps[0].GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(inner.GetProperty("name").GetString(), Is.EqualTo("POST /gsma/rsp2/es9plus/initiateAuthentication"));
            Assert.That(inner.GetProperty("start").GetInt64(), Is.LessThanOrEqualTo(inner.GetProperty("stop").GetInt64()));
            Assert.That(attachment.GetProperty("type").GetString(), Is.EqualTo("application/json"));
            Assert.That(source, Does.EndWith("-attachment.json"));
            Assert.That(File.ReadAllText(Path.Combine(dir, source)), Is.EqualTo("{\"euiccChallenge\":\"AAE=\"}"));
            // A non-assertion exception is a broken step, with its message.
            Assert.That(steps[1].GetProperty("status").GetString(), Is.EqualTo("broken"));
            Assert.That(steps[1].GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("no answer"));
            // No step open: the attachment belongs to the scenario.
            Assert.That(scenarioAttachment.GetProperty("name").GetString(), Is.EqualTo("exchange"));
            Assert.That(scenarioAttachment.GetProperty("source").GetString(), Does.EndWith("-attachment.html"));
        });
    }

    [Test]
    public void Steps_left_open_take_the_verdict_of_the_scenario()
    {
        using var tmp = new TempDir();
        var (root, _) = WriteOne(tmp, sc =>
        {
            sc.StartStep("outer");
            sc.StartStep("inner");
        }, AllureStatus.Failed);
        var outer = root.GetProperty("steps")[0];
        var inner = outer.GetProperty("steps")[0];
        Assert.Multiple(() =>
        {
            Assert.That(inner.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(inner.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("expected 8.8.1 / 3.8"));
            Assert.That(outer.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(inner.GetProperty("stage").GetString(), Is.EqualTo("finished"));
        });
    }

    [Test]
    public void Fixtures_are_written_to_a_container_naming_the_result()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        var sc = run.StartScenario(Sample.Info());
        sc.StartFixture(FixtureKind.Before, "start the reference SM-DP+");
        sc.StartStep("generate PKI");
        sc.EndStep(AllureStatus.Passed);
        sc.EndFixture(AllureStatus.Passed);
        sc.StartFixture(FixtureKind.After, "attach exchanges");
        sc.Attach("http", MimeTypes.Text, "POST ...");
        sc.EndFixture(AllureStatus.Passed);
        sc.Finish(AllureStatus.Passed);

        var container = JsonDocument.Parse(File.ReadAllBytes(Directory.GetFiles(tmp.Path, "*-container.json").Single())).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(container.GetProperty("children")[0].GetString(), Is.EqualTo(sc.Uuid));
            Assert.That(container.GetProperty("befores")[0].GetProperty("name").GetString(), Is.EqualTo("start the reference SM-DP+"));
            Assert.That(container.GetProperty("befores")[0].GetProperty("steps")[0].GetProperty("name").GetString(), Is.EqualTo("generate PKI"));
            Assert.That(container.GetProperty("afters")[0].GetProperty("attachments")[0].GetProperty("name").GetString(), Is.EqualTo("http"));
            Assert.That(AllureResultsReader.ReadResults(tmp.Path).Single().Steps, Is.Empty);
        });
    }

    [Test]
    public void Scenarios_without_fixtures_write_no_container()
    {
        using var tmp = new TempDir();
        Sample.Run(new AllureRun(tmp.Path), Sample.Info(), AllureStatus.Passed);
        Assert.That(Directory.GetFiles(tmp.Path, "*-container.json"), Is.Empty);
    }

    [Test]
    public void HistoryId_is_stable_across_runs_and_depends_on_parameters()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var first = Sample.Run(new AllureRun(a.Path), Sample.Info(), AllureStatus.Passed);
        var again = Sample.Run(new AllureRun(b.Path), Sample.Info(), AllureStatus.Failed);
        var other = Sample.Run(new AllureRun(b.Path), Sample.Info() with { Parameters = [new("smdpAddress", "other")] }, AllureStatus.Passed);
        Assert.Multiple(() =>
        {
            Assert.That(again.HistoryId, Is.EqualTo(first.HistoryId));
            Assert.That(again.TestCaseId, Is.EqualTo(first.TestCaseId));
            Assert.That(again.Uuid, Is.Not.EqualTo(first.Uuid));
            Assert.That(other.HistoryId, Is.Not.EqualTo(first.HistoryId));
            Assert.That(other.TestCaseId, Is.EqualTo(first.TestCaseId));
        });
    }

    [Test]
    public void Assertion_exceptions_fail_other_exceptions_break()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AllureStatuses.FromException(new AssertionException("x")), Is.EqualTo(AllureStatus.Failed));
            Assert.That(AllureStatuses.FromException(new DerivedAssertion()), Is.EqualTo(AllureStatus.Failed));
            Assert.That(AllureStatuses.FromException(new TimeoutException()), Is.EqualTo(AllureStatus.Broken));
        });
    }

    private sealed class DerivedAssertion : AssertionException
    {
        public DerivedAssertion() : base("derived") { }
    }

    [Test]
    public void Misuse_is_refused_with_a_clear_error()
    {
        using var tmp = new TempDir();
        var sc = new AllureRun(tmp.Path).StartScenario(Sample.Info());
        Assert.That(() => sc.EndStep(AllureStatus.Passed), Throws.InvalidOperationException.With.Message.Contains("without an open step"));
        sc.Finish(AllureStatus.Passed);
        Assert.That(() => sc.Finish(AllureStatus.Passed), Throws.InvalidOperationException.With.Message.Contains("already finished"));
        Assert.That(() => sc.StartStep("late"), Throws.InvalidOperationException);
    }

    [Test]
    public void Environment_categories_and_executor_files()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        run.WriteEnvironment(new Dictionary<string, string>
        {
            ["smdp.target"] = "https://127.0.0.1:8443",
            ["curves"] = "NIST, BRP",
            ["note"] = "a=b\nsecond line é",
        });
        run.WriteCategories();
        run.WriteExecutor(new AllureExecutor("conformance", "local", BuildName: "run 7"));

        var env = File.ReadAllText(Path.Combine(tmp.Path, "environment.properties"), Encoding.ASCII);
        var categories = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(tmp.Path, "categories.json"))).RootElement;
        var executor = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(tmp.Path, "executor.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(env, Is.EqualTo("curves=NIST, BRP\nnote=a=b\\nsecond line \\u00e9\nsmdp.target=https://127.0.0.1:8443\n"));
            Assert.That(categories.GetArrayLength(), Is.EqualTo(AllureCategory.Defaults.Count));
            Assert.That(categories[1].GetProperty("matchedStatuses")[0].GetString(), Is.EqualTo("failed"));
            Assert.That(executor.GetProperty("buildName").GetString(), Is.EqualTo("run 7"));
            Assert.That(executor.TryGetProperty("url", out _), Is.False, "null fields are left out");
        });
    }

    [Test]
    public void Clean_removes_only_allure_files_of_an_earlier_run()
    {
        using var tmp = new TempDir();
        Sample.Run(new AllureRun(tmp.Path), Sample.Info(), AllureStatus.Passed);
        File.WriteAllText(Path.Combine(tmp.Path, "keep.txt"), "mine");
        _ = new AllureRun(tmp.Path, clean: true);
        Assert.That(Directory.GetFiles(tmp.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "keep.txt" }));
    }

    [Test]
    public void Reader_names_a_corrupt_result_file()
    {
        using var tmp = new TempDir();
        File.WriteAllText(Path.Combine(tmp.Path, "abc-result.json"), "{\"uuid\":");
        Assert.That(() => AllureResultsReader.ReadResults(tmp.Path),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("abc-result.json"));
    }

    [Test]
    public void Reader_accepts_results_of_other_writers_that_omit_empty_lists()
    {
        using var tmp = new TempDir();
        File.WriteAllText(Path.Combine(tmp.Path, "x-result.json"),
            """{"uuid":"x","historyId":"h","testCaseId":"t","name":"n","fullName":"f","status":"skipped","start":1,"stop":2}""");
        var r = AllureResultsReader.ReadResults(tmp.Path).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(AllureStatus.Skipped));
            Assert.That(r.Labels, Is.Empty);
            Assert.That(r.Steps, Is.Empty);
            Assert.That(r.Attachments, Is.Empty);
            Assert.That(r.Label(AllureLabels.Epic), Is.Null);
        });
    }
}
