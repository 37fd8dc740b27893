using Conformance.SmDs;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>The SM-DS settings of a run (smds, smdsAddress, smdsTrust, es12Certificate/es12Key, smdsDefects): one sentence per mistake.</summary>
public class SmdsTargetConfigTests
{
    private static TargetConfig Load(Dictionary<string, string> flags) => TargetConfig.Load(new ConfigSources(flags, _ => null));

    private static string Error(Dictionary<string, string> flags) => Assert.Throws<ConfigException>(() => Load(flags))!.Message;

    [Test]
    public void NothingGivenMeansTheBundledSmdsAtTheEmulatedEuiccsRootAddress()
    {
        TargetConfig c = Load([]);
        Assert.That((c.IsSmdsReference, c.SmdsTarget, c.SmdsAddress, c.SmdsTlsName), Is.EqualTo((true, "reference", "testrootsmds.example.com", "testrootsmds.example.com")));
        Assert.That(c.SmdsDefects, Is.Empty);
    }

    [Test]
    public void ARemoteSmdsIsAnHttpsUrlAndItsAddressAnFqdn()
    {
        TargetConfig c = Load(new() { ["smds"] = "https://smds.example.com:8443", ["smdsAddress"] = "smds.example.com:8443" });
        Assert.That((c.IsSmdsReference, c.SmdsUrl?.ToString(), c.SmdsTlsName, c.EffectiveJobs), Is.EqualTo((false, "https://smds.example.com:8443/", "smds.example.com", 1)));
        Assert.That(Error(new() { ["smds"] = "http://smds.example.com" }), Does.Contain("'reference' or the SM-DS's https:// URL"));
        Assert.That(Error(new() { ["smdsAddress"] = "not an fqdn" }), Does.Contain("is not an FQDN"));
    }

    [Test]
    public void SmdsDefectsAreNamesForTheBundledSmdsOnly()
    {
        Assert.That(Load(new() { ["smdsDefects"] = "EventNotDeleted, DuplicateEventAccepted" }).SmdsDefects,
            Is.EquivalentTo(new[] { SmdsDefect.EventNotDeleted, SmdsDefect.DuplicateEventAccepted }));
        Assert.That(Error(new() { ["smdsDefects"] = "NoSuchDefect" }), Does.Contain("names 'NoSuchDefect'"));
        Assert.That(Error(new() { ["smds"] = "https://smds.example.com", ["smdsDefects"] = "EventNotDeleted" }), Does.Contain("applies to the bundled reference SM-DS only"));
    }

    [Test]
    public void TheEs12CertificateAndKeyComeTogether()
    {
        string pem = Path.GetTempFileName();
        try
        {
            Assert.That(Error(new() { ["es12Certificate"] = pem }), Does.StartWith("Setting es12Key (CONFORMANCE_ES12_KEY) is missing"));
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Test]
    public void SeveralTestHostsNeedTheBundledSmds() =>
        Assert.That(Error(new() { ["smds"] = "https://smds.example.com", ["jobs"] = "2" }), Does.Contain("above 1 needs the bundled reference SM-DS"));
}
