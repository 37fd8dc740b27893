using System.Xml.Linq;
using Conformance.Reports.Allure;
using Conformance.Reports.Coverage;
using Conformance.Reports.JUnit;

namespace Conformance.Reports.Tests;

public class JUnitWriterTests
{
    private static XDocument WriteSample(TempDir tmp, Action<AllureRun>? more = null)
    {
        var run = new AllureRun(tmp.Path);
        Sample.Run(run, Sample.Info(name: "nominal", sequence: "#01"), AllureStatus.Passed);
        Sample.Run(run, Sample.Info(name: "invalid SM-DP+ address", sequence: "#03"), AllureStatus.Failed, "expected 8.8.1 / 3.8, got Executed-Success");
        Sample.Run(run, Sample.Info(name: "no supported CI PKId", sequence: "#04"), AllureStatus.Broken, "connection refused");
        Sample.Run(run, Sample.Info(name: "retry", function: "AuthenticateClient", id: "TC_SM-DP+_ES9+.AuthenticateClientNIST", sequence: null), AllureStatus.Skipped, "needs a second eUICC");
        Sample.Run(run, Sample.Info(name: "GetEID", function: "GetEID", iface: "ES10c", id: "TC_eUICC_ES10c.GetEID", sequence: null), AllureStatus.Passed);
        more?.Invoke(run);
        var path = Path.Combine(tmp.Path, "junit", "junit.xml");
        JUnitWriter.Write(AllureResultsReader.ReadResults(tmp.Path), path);
        return XDocument.Load(path);
    }

    private static int Attr(XElement e, string name) => int.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Counts_per_run_and_one_suite_per_feature()
    {
        using var tmp = new TempDir();
        var doc = WriteSample(tmp, run => CoverageReport.AttachTo(run, CoverageMatrix.Build(
            new Sgp23Catalog { TestCases = [] }, [], []), asResult: true));
        var root = doc.Root!;
        var suites = root.Elements("testsuite").ToDictionary(s => s.Attribute("name")!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That((Attr(root, "tests"), Attr(root, "failures"), Attr(root, "errors"), Attr(root, "skipped")), Is.EqualTo((5, 1, 1, 1)),
                "the coverage artifact is not a test");
            Assert.That(suites.Keys, Is.EquivalentTo(new[] { "InitiateAuthentication", "AuthenticateClient", "GetEID" }));
            var ia = suites["InitiateAuthentication"];
            Assert.That((Attr(ia, "tests"), Attr(ia, "failures"), Attr(ia, "errors"), Attr(ia, "skipped")), Is.EqualTo((3, 1, 1, 0)));
            Assert.That(ia.Elements("testcase").Count(), Is.EqualTo(3));
            Assert.That(suites["AuthenticateClient"].Element("testcase")!.Element("skipped")!.Attribute("message")!.Value, Is.EqualTo("needs a second eUICC"));
            Assert.That(ia.Attribute("timestamp")!.Value, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"));
        });
    }

    [Test]
    public void Failures_errors_and_step_log()
    {
        using var tmp = new TempDir();
        var cases = WriteSample(tmp).Descendants("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        var failed = cases[$"#03 invalid SM-DP+ address [{Sample.IaNist}]"];
        var broken = cases[$"#04 no supported CI PKId [{Sample.IaNist}]"];
        Assert.Multiple(() =>
        {
            Assert.That(failed.Attribute("classname")!.Value, Is.EqualTo("ES9+.InitiateAuthentication"));
            Assert.That(failed.Element("failure")!.Attribute("message")!.Value, Is.EqualTo("expected 8.8.1 / 3.8, got Executed-Success"));
            Assert.That(failed.Element("failure")!.Attribute("type")!.Value, Is.EqualTo("AssertionError"));
            Assert.That(failed.Element("failure")!.Value, Is.EqualTo("trace of expected 8.8.1 / 3.8, got Executed-Success"));
            Assert.That(failed.Element("system-out")!.Value, Does.Contain("[failed] When the LPA calls InitiateAuthentication"));
            Assert.That(broken.Element("error")!.Attribute("message")!.Value, Is.EqualTo("connection refused"));
            Assert.That(broken.Element("failure"), Is.Null);
            Assert.That(cases[$"#01 nominal [{Sample.IaNist}]"].Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "system-out" }));
            Assert.That(double.Parse(failed.Attribute("time")!.Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public void Control_characters_in_messages_keep_the_xml_well_formed()
    {
        using var tmp = new TempDir();
        var doc = WriteSample(tmp, run => Sample.Run(run, Sample.Info(name: "raw"), AllureStatus.Failed, "got \u0001\u0002 bytes"));
        var failure = doc.Descendants("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("#03 raw", StringComparison.Ordinal)).Element("failure")!;
        Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("got \\u0001\\u0002 bytes"));
    }
}
