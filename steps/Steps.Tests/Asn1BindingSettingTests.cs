using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>The asn1Binding setting: which SM-DP+ runs the @asn1 scenarios (SGP.22 §6.6).</summary>
public class Asn1BindingSettingTests
{
    private static TargetConfig Load(Dictionary<string, string> flags, Dictionary<string, string>? env = null) =>
        TargetConfig.Load(new ConfigSources(flags, k => env?.GetValueOrDefault(k)));

    /// <summary>A remote SM-DP+ with what it needs besides (operator certificate and inventory).</summary>
    private static TargetConfig Remote(string cert, Dictionary<string, string>? env = null)
    {
        var all = new Dictionary<string, string>(env ?? [])
        {
            ["CONFORMANCE_OPERATOR_CERT"] = cert, ["CONFORMANCE_OPERATOR_KEY"] = cert,
            ["CONFORMANCE_PROFILE_TYPE"] = "Gold", ["CONFORMANCE_ICCIDS"] = "8999010000000000011",
        };
        return Load(new() { ["smdp"] = "https://smdp.example.com" }, all);
    }

    [Test]
    public void TheBundledReferenceServesItAndARemoteSmdpDeclaresIt()
    {
        string cert = Path.GetTempFileName();
        try
        {
            Assert.That(Load([]).Asn1Binding, Is.True);
            Assert.That(Load(new() { ["asn1Binding"] = "false" }).Asn1Binding, Is.False);
            Assert.That(Remote(cert).Asn1Binding, Is.False);
            Assert.That(Remote(cert, new() { ["CONFORMANCE_ASN1_BINDING"] = "true" }).Asn1Binding, Is.True);
        }
        finally
        {
            File.Delete(cert);
        }
    }

    [Test]
    public void AValueThatIsNoBooleanIsNamed() =>
        Assert.That(Assert.Throws<ConfigException>(() => Load(new() { ["asn1Binding"] = "maybe" }))!.Message,
            Is.EqualTo("Setting --asn1-binding ('maybe') must be true or false."));
}
