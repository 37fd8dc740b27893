using System.Text.Json;
using Conformance.Reports.Allure;
using Conformance.Reports.Coverage;

namespace Conformance.Reports.Tests;

public class CoverageMatrixTests
{
    private const string Ia = "TC_SM-DP+_ES9+.InitiateAuthenticationNIST";
    private const string Hn = "TC_SM-DP+_ES9+_HandleNotificationNIST";

    private static readonly Sgp23Catalog Catalog = new()
    {
        TestCases =
        [
            new CatalogTestCase
            {
                Id = Ia, Section = "4.3.12", Interface = "ES9+", Function = "InitiateAuthentication", Side = "smdp", Curve = "NIST",
                Sequences = [new("#01", "nominal"), new("#02", "unique"), new("#03", "8.8.1/3.8"), new("#04", "8.8.2/3.1")],
            },
            new CatalogTestCase { Id = Hn, Section = "4.3.15", Interface = "ES9+", Function = "HandleNotification", Side = "smdp" },
            new CatalogTestCase { Id = "TC_eUICC_ES10c.GetEID", Interface = "ES10c", Function = "GetEID", Side = "euicc" },
        ],
    };

    private static CoverageMatrix Build() => CoverageMatrix.Build(Catalog,
        [
            new(Ia, "#01", "nominal"),
            new(Ia, "#2", "unique"),
            new(Ia, "#03", "invalid address"),
            new(Ia, "#07", "not in the catalog"),
            new(Hn, null, "PIR success"),
            new(Hn, null, "PIR errorReason 1"),
            new("TC_SM-DP+_ES9+.InitiateAuthenticationNITS", "#01", "typo"),
        ],
        [
            new(Ia, "#01", "nominal", AllureStatus.Passed),
            new(Ia, "#02", "unique", AllureStatus.Failed),
            new(Hn, null, "PIR success", AllureStatus.Broken),
            new(Hn, null, "PIR errorReason 1", AllureStatus.Skipped),
            new(Hn, null, "enable notification", AllureStatus.Passed),
        ]);

    [Test]
    public void Counts_per_test_case()
    {
        var rows = Build().Rows.ToDictionary(r => r.TestCase.Id);
        var ia = rows[Ia];
        var hn = rows[Hn];
        var eid = rows["TC_eUICC_ES10c.GetEID"];
        Assert.Multiple(() =>
        {
            Assert.That((ia.Scenarios, ia.Passed, ia.Failed, ia.Broken, ia.Skipped, ia.NotRun), Is.EqualTo((4, 1, 1, 0, 0, 2)));
            Assert.That(ia.MissingSequences, Is.EqualTo(new[] { "#04" }), "#2 counts as #02");
            Assert.That(ia.ExtraSequences, Is.EqualTo(new[] { "#07" }));
            Assert.That(ia.Complete, Is.False);
            // A verdict for a scenario nobody listed still counts as an existing scenario.
            Assert.That((hn.Scenarios, hn.Passed, hn.Failed, hn.Broken, hn.Skipped, hn.NotRun), Is.EqualTo((3, 1, 0, 1, 1, 0)));
            Assert.That(hn.MissingSequences, Is.Empty);
            Assert.That(hn.Complete, Is.True);
            Assert.That(eid.Uncovered, Is.True);
            Assert.That(eid.NotRun, Is.Zero);
        });
    }

    [Test]
    public void Totals_and_unknown_ids()
    {
        var m = Build();
        Assert.Multiple(() =>
        {
            Assert.That((m.TestCases, m.CoveredTestCases, m.CompleteTestCases), Is.EqualTo((3, 2, 1)));
            Assert.That((m.CatalogSequences, m.MissingSequences), Is.EqualTo((4, 1)));
            Assert.That(m.UnknownScenarios.Select(s => s.TestCaseId), Is.EqualTo(new[] { "TC_SM-DP+_ES9+.InitiateAuthenticationNITS" }));
        });
    }

    [Test]
    public void A_rerun_counts_once_with_its_last_verdict()
    {
        var m = CoverageMatrix.Build(Catalog, [new(Ia, "#01", "nominal")],
            [new(Ia, "#01", "nominal", AllureStatus.Failed), new(Ia, "#01", "nominal", AllureStatus.Passed)]);
        var ia = m.Rows[0];
        Assert.That((ia.Scenarios, ia.Passed, ia.Failed), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public void Markdown_has_a_row_per_test_case_and_lists_unknown_ids()
    {
        var md = CoverageMarkdown.Render(Build());
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain($"| `{Ia}` | 4.3.12 | smdp | 4 | 1 | 1 | 0 | 0 | 2 | #01 #02 #03 | #04 |"));
            Assert.That(md, Does.Contain($"| `{Hn}` | 4.3.15 | smdp | 3 | 1 | 0 | 1 | 1 | 0 | (not numbered) | (not numbered) |"));
            Assert.That(md, Does.Contain("| `TC_eUICC_ES10c.GetEID` | ? | euicc | 0 | 0 | 0 | 0 | 0 | 0 | (not numbered) | (not numbered) |"));
            Assert.That(md, Does.Contain("2 of 3 test cases have scenarios; 1 cover every listed sequence; 3 of 4 listed sequences have a scenario."));
            Assert.That(md, Does.Contain("- `TC_SM-DP+_ES9+.InitiateAuthenticationNITS` #01 typo"));
            Assert.That(md, Does.Contain($"- `{Ia}`: #07"));
        });
    }

    [Test]
    public void Each_row_shows_which_sequences_have_a_scenario_and_marks_unconfirmed_numbers()
    {
        var catalog = new Sgp23Catalog
        {
            TestCases =
            [
                new CatalogTestCase
                {
                    Id = Ia, Section = "4.3.12", Interface = "ES9+", Function = "InitiateAuthentication", Side = "smdp",
                    Sequences = [new("#01", "nominal") { Confirmed = true }, new("#02", "x") { Confirmed = false }, new("#03", "y") { Confirmed = false }],
                },
            ],
        };
        var m = CoverageMatrix.Build(catalog, [new(Ia, "#1", "nominal"), new(Ia, "#03", "y"), new(Ia, null, "unnumbered")], []);
        var ia = m.Rows[0];
        Assert.Multiple(() =>
        {
            Assert.That(ia.CoveredSequences, Is.EqualTo(new[] { "#01", "#03" }));
            Assert.That(ia.SequenceCells(), Is.EqualTo(("#01 #03?", "#02?")));
            Assert.That(CoverageHtml.Render(m), Does.Contain("<td>#01 #03?</td><td>#02?</td>"));
        });
    }

    [Test]
    public void Html_is_escaped_and_written_as_global_attachments_and_optionally_as_a_result()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        var m = CoverageMatrix.Build(Catalog, [new("<x>", null, "a & b")], []);
        var html = CoverageHtml.Render(m);
        CoverageReport.AttachTo(run, m, asResult: true);
        var md = CoverageReport.WriteMarkdown(m, Path.Combine(tmp.Path, "md"));
        var globals = Directory.GetFiles(tmp.Path, "*-globals.json")
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("attachments")[0])
            .ToDictionary(a => a.GetProperty("name").GetString()!);
        var readBack = AllureResultsReader.ReadResults(tmp.Path).Single();
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("&lt;x&gt;").And.Contain("a &amp; b").And.Not.Contain("<x>"));
            Assert.That(globals.Keys, Is.EquivalentTo(new[] { "SGP.23 coverage.html", "SGP.23 coverage.md" }));
            var htmlGlobal = globals["SGP.23 coverage.html"];
            Assert.That(htmlGlobal.GetProperty("type").GetString(), Is.EqualTo(MimeTypes.Html));
            Assert.That(htmlGlobal.GetProperty("timestamp").GetInt64(), Is.GreaterThan(0));
            Assert.That(File.ReadAllText(Path.Combine(tmp.Path, htmlGlobal.GetProperty("source").GetString()!)), Is.EqualTo(html));
            Assert.That(readBack.IsRunArtifact, Is.True);
            Assert.That(readBack.Attachments.Select(a => a.Type), Is.EqualTo(new[] { MimeTypes.Html, MimeTypes.Markdown }));
            Assert.That(File.ReadAllText(md), Does.StartWith("# SGP.23 coverage"));
        });
    }

    [Test]
    public void By_default_the_matrix_adds_no_result()
    {
        using var tmp = new TempDir();
        CoverageReport.AttachTo(new AllureRun(tmp.Path), Build());
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(tmp.Path, "*-result.json"), Is.Empty);
            Assert.That(Directory.GetFiles(tmp.Path, "*-globals.json"), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Verdicts_come_from_story_and_sequence_labels()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        Sample.Run(run, Sample.Info(name: "nominal", sequence: "#01"), AllureStatus.Passed);
        Sample.Run(run, Sample.Info(name: "untagged", id: null, sequence: null), AllureStatus.Passed);
        var verdicts = ScenarioVerdict.FromResults(run.Results);
        Assert.That(verdicts, Is.EqualTo(new[] { new ScenarioVerdict(Sample.IaNist, "#01", "nominal", AllureStatus.Passed) }));
    }
}
