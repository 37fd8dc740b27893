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
        var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Match(@"^interface\s+passed\s+failed\s+broken\s+skipped\s+total$"));
            Assert.That(lines[2], Does.Match(@"^ES10c\s+1\s+0\s+0\s+1\s+2$"));
            Assert.That(lines[3], Does.Match(@"^ES9\+\s+1\s+1\s+1\s+0\s+3$"));
            Assert.That(lines[5], Does.Match(@"^total\s+2\s+1\s+1\s+1\s+5$"));
            Assert.That(lines[^1], Is.EqualTo("2 passed, 2 failed, 1 skipped"));
        });
    }
}
