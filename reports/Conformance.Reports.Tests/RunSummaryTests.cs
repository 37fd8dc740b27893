using Conformance.Reports.Allure;
using Conformance.Reports.Summary;

namespace Conformance.Reports.Tests;

public class RunSummaryTests
{
    private static RunSummary Sample3(TempDir tmp)
    {
        var run = new AllureRun(tmp.Path);
        Sample.Run(run, Sample.Info(name: "a"), AllureStatus.Passed);
        Sample.Run(run, Sample.Info(name: "b"), AllureStatus.Failed, "x");
        Sample.Run(run, Sample.Info(name: "c"), AllureStatus.Broken, "y");
        Sample.Run(run, Sample.Info(name: "d", iface: "ES10c", function: "GetEID"), AllureStatus.Passed);
        Sample.Run(run, Sample.Info(name: "e", iface: "ES10c", function: "GetEID"), AllureStatus.Skipped);
        run.WriteArtifact("SGP.23 coverage", "Coverage", []);
        return RunSummary.From(run.Results);
    }

    [Test]
    public void Counts_per_interface_and_total()
    {
        using var tmp = new TempDir();
        var s = Sample3(tmp);
        Assert.Multiple(() =>
        {
            Assert.That(s.Rows, Is.EqualTo(new[] { new VerdictCounts("ES10c", 1, 0, 0, 1), new VerdictCounts("ES9+", 1, 1, 1, 0) }));
            Assert.That(s.Total, Is.EqualTo(new VerdictCounts("total", 2, 1, 1, 1)));
            Assert.That(s.Succeeded, Is.False);
        });
    }

    [Test]
    public void Prints_a_table_and_the_closing_line()
    {
        using var tmp = new TempDir();
        using var text = new StringWriter();
        Sample3(tmp).Print(text);
        var all = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // The non-passed scenarios by what they say come first, then the table.
        Assert.That(all[..4], Is.EqualTo(new[] { "by rule (failed), by cause (broken), by reason (skipped):", "  failed      1 x x", "  broken      1 x y", "  skipped     1 x (no message)" }));
        var lines = all[4..];
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Match(@"^interface\s+passed\s+failed\s+broken\s+skipped\s+total$"));
            Assert.That(lines[2], Does.Match(@"^ES10c\s+1\s+0\s+0\s+1\s+2$"));
            Assert.That(lines[3], Does.Match(@"^ES9\+\s+1\s+1\s+1\s+0\s+3$"));
            Assert.That(lines[5], Does.Match(@"^total\s+2\s+1\s+1\s+1\s+5$"));
            Assert.That(lines[^1], Is.EqualTo("2 passed, 2 failed, 1 skipped"));
        });
    }

    [Test]
    public void Groups_failures_by_what_their_messages_say_whatever_differs_per_scenario()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        Sample.Run(run, Sample.Info(name: "a"), AllureStatus.Failed, "SGP.22 §2.6.4: segment '86' 3 is 1036 bytes, over 1020, of ICCID 8904903299000000164\nmore");
        Sample.Run(run, Sample.Info(name: "b"), AllureStatus.Failed, "SGP.22 §2.6.4: segment '86' 3 is 1036 bytes, over 1020, of ICCID 8904903299000000165");
        Sample.Run(run, Sample.Info(name: "c"), AllureStatus.Failed, "SGP.22 §5.6.1: https://127.0.0.1:18443/gsma/rsp2/es9plus/x answered HTTP 500 (body 'java.lang.NullPointerException at com.example.smdp.Es9Controller')");
        RunSummary s = RunSummary.From(run.Results);
        Assert.That(s.Groups, Is.EqualTo(new[]
        {
            new RuleGroup(AllureStatus.Failed, "SGP.22 §2.6.4: segment '86' 3 is 1036 bytes, over 1020, of ICCID <n>", 2),
            new RuleGroup(AllureStatus.Failed, "SGP.22 §5.6.1: <url> answered HTTP 500 (body '…')", 1),
        }));
    }
}
