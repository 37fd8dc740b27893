using System.Collections.Specialized;
using System.Globalization;
using Conformance.Steps.Support;
using ReportScenario = Conformance.Reports.Allure.ScenarioInfo;

namespace Conformance.Steps.Tests;

public class ScenarioDescriptionTests
{
    private static readonly FeatureInfo Feature = new(CultureInfo.InvariantCulture, "features/smdp/es9plus", "InitiateAuthentication", null,
        ProgrammingLanguage.CSharp, ["smdp", "es9plus"]);

    private static ReportScenario Row(string curveTag, string id)
    {
        var arguments = new OrderedDictionary { ["version"] = "2.2.1" };
        return ScenarioDescription.Of(Feature, new ScenarioInfo("#07 nominal with an eUICC declaring SGP.22 v<version>", null, [curveTag, id], arguments), null);
    }

    [Test]
    public void TheSameExampleRowUnderNistAndBrpStaysTwoScenariosWithTheCurveAsAParameter()
    {
        ReportScenario nist = Row("nist", "TC_SM-DP+_ES9+.InitiateAuthenticationNIST");
        ReportScenario brp = Row("brp", "TC_SM-DP+_ES9+.InitiateAuthenticationBRP");

        Assert.That(nist.Name, Is.EqualTo("#07 nominal with an eUICC declaring SGP.22 v2.2.1"));
        Assert.That(nist.Curve, Is.EqualTo("NIST"));
        Assert.That(brp.Curve, Is.EqualTo("BRP"));
        Assert.That(nist.Parameters.Select(p => (p.Name, p.Value)), Is.EqualTo(new[] { ("version", "2.2.1"), ("curve", "NIST") }));
        Assert.That(brp.Parameters.Select(p => (p.Name, p.Value)), Is.EqualTo(new[] { ("version", "2.2.1"), ("curve", "BRP") }));
    }
}
