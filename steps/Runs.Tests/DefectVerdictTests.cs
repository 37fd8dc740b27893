namespace Conformance.Runs.Tests;

/// <summary>The verdict of one defect entry from a run's junit.xml, without running anything.</summary>
public class DefectVerdictTests
{
    private static readonly DefectEntry Entry = new("smdp", "OversizedProfileSegment", "@es9plus", "§2.6.4", null);

    private const string JUnit = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites name="RSP conformance">
          <testsuite name="GetBoundProfilePackage">
            <testcase classname="ES9+.GetBoundProfilePackage" name="#01 nominal [TC_X]" time="1.0">
              <failure message="segment 3 is 1200 bytes, more than the 1020 of SGP.22 §2.6.4" type="AssertionError">trace</failure>
            </testcase>
            <testcase classname="ES9+.GetBoundProfilePackage" name="#02 other [TC_X]" time="1.0">
              <error message="the harness could not start" type="Error">trace</error>
            </testcase>
            <testcase classname="ES9+.GetBoundProfilePackage" name="#03 passes [TC_X]" time="1.0" />
            <testcase classname="ES9+.GetBoundProfilePackage" name="#04 skipped [TC_X]" time="0"><skipped message="needs a card" /></testcase>
          </testsuite>
        </testsuites>
        """;

    private static IReadOnlyList<ScenarioResult> Read()
    {
        string path = Path.Combine(Path.GetTempPath(), $"defect-verdict-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, JUnit.Trim());
        try
        {
            return HarnessProcess.ReadJUnit(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void JUnitCasesAreReadWithOutcomeAndMessage()
    {
        IReadOnlyList<ScenarioResult> r = Read();
        Assert.That(r.Select(s => s.Outcome), Is.EqualTo(new[] { "failed", "error", "passed", "skipped" }));
        Assert.That(r[0].Message, Does.EndWith("SGP.22 §2.6.4"));
        Assert.That(r[2].Message, Is.Null);
        Assert.That(r.Select(s => s.Failed), Is.EqualTo(new[] { true, true, false, false }));
    }

    [Test]
    public void AFailureNamingTheRuleCatchesTheDefect()
    {
        Assert.That(DefectProofTests.CatchingScenario(Entry, Read())?.Name, Is.EqualTo("#01 nominal [TC_X]"));
    }

    [Test]
    public void AFailureForAnotherReasonDoesNotCatchIt()
    {
        var other = Entry with { Expect = "§5.6.2" };
        Assert.That(DefectProofTests.CatchingScenario(other, Read()), Is.Null);
        Assert.That(DefectProofTests.CatchingScenario(Entry, Read().Where(s => !s.Failed)), Is.Null);
    }

    [Test]
    public void AnEntryNamingNoDefectIsRefusedWithItsPlace()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"defect-fixture-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "smdp.json"), """{ "entries": [ { "defect": "NoSuchDefect", "tags": "@es9plus", "expect": "§1" } ] }""");
            var e = Assert.Throws<InvalidDataException>(() => DefectFixtures.Load("smdp", dir))!;
            Assert.That(e.Message, Does.StartWith("smdp.json entry 0: 'NoSuchDefect' is not a defect name"));
            File.WriteAllText(Path.Combine(dir, "smdp.json"), """{ "entries": [ { "defect": "ReuseServerChallenge", "tags": "@a and", "expect": "§1" } ] }""");
            Assert.That(Assert.Throws<InvalidDataException>(() => DefectFixtures.Load("smdp", dir))!.Message, Does.Contain("is not a tag expression"));
            File.WriteAllText(Path.Combine(dir, "smdp.json"), """{ "entries": [ { "defect": "ReuseServerChallenge", "tags": "@es9plus" } ] }""");
            Assert.That(Assert.Throws<InvalidDataException>(() => DefectFixtures.Load("smdp", dir))!.Message, Is.EqualTo("smdp.json entry 0 has no \"expect\" string"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
