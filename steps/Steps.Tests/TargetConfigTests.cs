using Conformance.Rsp.Crypto;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

public class TargetConfigTests
{
    private static TargetConfig Load(Dictionary<string, string>? flags = null, Dictionary<string, string>? env = null, Dictionary<string, string>? file = null) =>
        TargetConfig.Load(new ConfigSources(flags ?? [], k => env?.GetValueOrDefault(k), file, file is null ? null : "run.json"));

    private static string Error(Dictionary<string, string>? flags = null, Dictionary<string, string>? env = null, Dictionary<string, string>? file = null) =>
        Assert.Throws<ConfigException>(() => Load(flags, env, file))!.Message;

    [Test]
    public void NothingGivenMeansTheReferenceSmdpTheEmulatedEuiccAndBothCurves()
    {
        TargetConfig c = Load();
        Assert.That(c.IsReference, Is.True);
        Assert.That(c.SmdpTarget, Is.EqualTo("reference"));
        Assert.That(c.Euicc.IsEmulated, Is.True);
        Assert.That(c.Curves, Is.EqualTo(new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 }));
        Assert.That(c.PkiDirectory, Is.Null);
        Assert.That(c.AdminProtocol, Is.EqualTo("gsma/rsp/v2.2.0"));
    }

    [Test]
    public void TheTlsNameIsTheHostTheClientWasToldToReachUnlessASettingNamesAnother()
    {
        TargetConfig byAddress = Load(new() { ["smdpAddress"] = "smdp.example.com:8443" });
        Assert.That((byAddress.Es9TlsName, byAddress.Es2TlsName, byAddress.StrictEuicc), Is.EqualTo(("smdp.example.com", (string?)null, false)));
        TargetConfig named = Load(new() { ["smdpAddress"] = "smdp.example.com:8443", ["tlsName"] = "tls.example.com", ["es2TlsName"] = "10.0.0.7", ["strictEuicc"] = "true" });
        Assert.That((named.Es9TlsName, named.Es2TlsName, named.StrictEuicc), Is.EqualTo(("tls.example.com", "10.0.0.7", true)));
    }

    [Test]
    public void FlagsWinOverTheEnvironmentWhichWinsOverTheFile()
    {
        TargetConfig c = Load(
            flags: new() { ["curve"] = "nist" },
            env: new() { ["CONFORMANCE_CURVE"] = "brp", ["CONFORMANCE_EUICC"] = "pcsc:Reader 0" },
            file: new() { ["curve"] = "both", ["euicc"] = "emulated", ["smdpAddress"] = "smdp.example.com:8443" });
        Assert.That(c.Curves, Is.EqualTo(new[] { RspCurve.NistP256 }));
        Assert.That(c.Origins["curve"], Is.EqualTo("--curve"));
        Assert.That(c.Euicc, Is.EqualTo(new EuiccTarget(false, "Reader 0")));
        Assert.That(c.Origins["euicc"], Is.EqualTo("CONFORMANCE_EUICC"));
        Assert.That(c.SmdpAddress, Is.EqualTo("smdp.example.com:8443"));
        Assert.That(c.Origins["smdpAddress"], Is.EqualTo("\"smdpAddress\" in run.json"));
    }

    [TestCase("smdp", "ftp://smdp.example.com", "Setting --smdp ('ftp://smdp.example.com') is not 'reference' or the SM-DP+'s https:// URL.")]
    [TestCase("curve", "p384", "Setting --curve ('p384') must be nist, brp or both.")]
    [TestCase("euicc", "pcsc:", "Setting --euicc ('pcsc:') must be emulated, pcsc or pcsc:<reader name or index>.")]
    [TestCase("smdpAddress", "smdp example.com", "Setting --smdp-address ('smdp example.com') is not an FQDN with an optional port.")]
    [TestCase("tags", "@smdp and", "Setting --tags ('@smdp and') is not a tag expression (expected a @tag, 'not' or '(' but found 'end of expression').")]
    [TestCase("pki", "/nonexistent/pki", "Setting --pki ('/nonexistent/pki') is neither 'generated' nor an existing directory.")]
    [TestCase("trust", "/nonexistent/roots.pem", "Setting --trust ('/nonexistent/roots.pem') names no existing file.")]
    [TestCase("isdrAid", "A0000005", "Setting --isdr-aid ('A0000005') is not an AID of 5 to 16 bytes in hex.")]
    [TestCase("isdrAid", "A0000005591010FFFFFFFF890000010000", "Setting --isdr-aid ('A0000005591010FFFFFFFF890000010000') is not an AID of 5 to 16 bytes in hex.")]
    [TestCase("isdrAid", "A00000055G", "Setting --isdr-aid ('A00000055G') is not an AID of 5 to 16 bytes in hex.")]
    [TestCase("storeDataSegment", "256", "Setting storeDataSegment (flags) ('256') must be a number of bytes between 1 and 255.")]
    [TestCase("storeDataSegment", "0", "Setting storeDataSegment (flags) ('0') must be a number of bytes between 1 and 255.")]
    [TestCase("pcscProtocol", "t2", "Setting pcscProtocol (flags) ('t2') must be t0, t1 or any.")]
    [TestCase("jobs", "0", "Setting --jobs ('0') must be a whole number of test hosts from 1 to 16.")]
    [TestCase("jobs", "17", "Setting --jobs ('17') must be a whole number of test hosts from 1 to 16.")]
    [TestCase("jobs", "two", "Setting --jobs ('two') must be a whole number of test hosts from 1 to 16.")]
    [TestCase("orders", "orders.csv", "Setting --orders ('orders.csv') is neither es2plus, command:CMD, nor a .txt or .json file of orders.")]
    [TestCase("orders", "command: ", "Setting --orders ('command: ') names no program after command:.")]
    [TestCase("orders", "/nonexistent/orders.txt", "Setting --orders ('/nonexistent/orders.txt') names no existing file.")]
    [TestCase("orders", "command:./make-order", "Setting orders (--orders) applies to a remote SM-DP+ (--smdp https://...): the bundled reference in the test host takes its orders over ES2+; to try an orders file, start one with ./conformance smdp serve and point --smdp at it.")]
    [TestCase("target", "/nonexistent/target.json", "Setting --target ('/nonexistent/target.json') names no existing file.")]
    [TestCase("tlsName", "smdp example.com", "Setting --tls-name ('smdp example.com') is not a host name or IP address.")]
    [TestCase("es2TlsName", "a/b", "Setting es2TlsName (flags) ('a/b') is not a host name or IP address.")]
    [TestCase("strictEuicc", "sometimes", "Setting strictEuicc (flags) ('sometimes') must be true or false.")]
    [TestCase("adminProtocol", "gsma/rsp/v٢.٢.٠", "Setting adminProtocol (flags) ('gsma/rsp/v٢.٢.٠') must look like gsma/rsp/v2.2.0.")]
    public void AWrongFlagFailsWithOneSentenceNamingIt(string key, string value, string expected) =>
        Assert.That(Error(flags: new() { [key] = value }), Is.EqualTo(expected));

    [Test]
    public void TheIsdrAidStoreDataSegmentAndPcscProtocolAreSettings()
    {
        TargetConfig d = Load();
        Assert.That(Convert.ToHexString(d.Isdr.IsdrAid), Is.EqualTo("A0000005591010FFFFFFFF8900000100"), "SGP.22 v2.5 §2.2.3");
        Assert.That(d.Isdr.SegmentSize, Is.EqualTo(120));
        Assert.That(d.PcscProtocols, Is.EqualTo(Adapters.Pcsc.PcscProtocols.T0 | Adapters.Pcsc.PcscProtocols.T1));

        TargetConfig c = Load(flags: new() { ["isdrAid"] = "a0000005591010ffffffff8900000200", ["euicc"] = "pcsc:1" },
            env: new() { ["CONFORMANCE_STORE_DATA_SEGMENT"] = "255", ["CONFORMANCE_PCSC_PROTOCOL"] = "T1" });
        Assert.That(Convert.ToHexString(c.Isdr.IsdrAid), Is.EqualTo("A0000005591010FFFFFFFF8900000200"));
        Assert.That(c.Origins["isdrAid"], Is.EqualTo("--isdr-aid"));
        Assert.That(c.Isdr.SegmentSize, Is.EqualTo(255));
        Assert.That(c.PcscProtocols, Is.EqualTo(Adapters.Pcsc.PcscProtocols.T1));
        Assert.That(c.Euicc, Is.EqualTo(new EuiccTarget(false, "1")));
        Assert.That(PcscCardSlot.OptionsFor(c).Reader, Is.EqualTo(new Adapters.Pcsc.PcscReaderSelector(null, 1)), "pcsc:<index>");
        Assert.That(PcscCardSlot.OptionsFor(d with { Euicc = new EuiccTarget(false, null) }).Reader, Is.EqualTo(Adapters.Pcsc.PcscReaderSelector.First));
    }

    [Test]
    public void SeveralTestHostsNeedTheBundledSmdpAndTheEmulatedEuicc()
    {
        Assert.That(Load().EffectiveJobs, Is.EqualTo(Math.Min(2, System.Environment.ProcessorCount)), "the default on the bundled targets");
        Assert.That(Load(flags: new() { ["jobs"] = "3" }).EffectiveJobs, Is.EqualTo(3));
        Assert.That(Load(flags: new() { ["euicc"] = "pcsc" }).EffectiveJobs, Is.EqualTo(1), "one card, one host");
        Assert.That(Load(flags: new() { ["euicc"] = "pcsc", ["jobs"] = "1" }).EffectiveJobs, Is.EqualTo(1));
        Assert.That(Error(flags: new() { ["euicc"] = "pcsc:0" }, env: new() { ["CONFORMANCE_JOBS"] = "2" }), Is.EqualTo(
            "Setting jobs (CONFORMANCE_JOBS) above 1 needs the bundled reference SM-DP+ and the emulated eUICC: the card in pcsc:0 can serve one test host only."));
    }

    [Test]
    public void DefectsAreReadByNameForTheBundledTargetsOnly()
    {
        TargetConfig c = Load(env: new() { ["CONFORMANCE_SMDP_DEFECTS"] = "ReuseServerChallenge, OversizedProfileSegment", ["CONFORMANCE_EUICC_DEFECTS"] = "IgnorePpr1" });
        Assert.That(c.SmdpDefects, Is.EquivalentTo(new[] { SmdpPlus.SmdpDefect.ReuseServerChallenge, SmdpPlus.SmdpDefect.OversizedProfileSegment }));
        Assert.That(c.EuiccDefects, Is.EquivalentTo(new[] { Euicc.Faults.EuiccDefect.IgnorePpr1 }));
        Assert.That(Load().SmdpDefects, Is.Empty);

        Assert.That(Error(env: new() { ["CONFORMANCE_SMDP_DEFECTS"] = "NoSuchDefect" }), Does.StartWith(
            "Setting CONFORMANCE_SMDP_DEFECTS ('NoSuchDefect') names 'NoSuchDefect', which is not one of OversizedProfileSegment, "));
        Assert.That(Error(env: new() { ["CONFORMANCE_EUICC_DEFECTS"] = "IgnorePpr1", ["CONFORMANCE_EUICC"] = "pcsc" }),
            Is.EqualTo("Setting euiccDefects (CONFORMANCE_EUICC_DEFECTS) applies to the emulated eUICC only, not to pcsc."));
    }

    [Test]
    public void TheBundledReferenceOffersEveryOptionButV3EuiccsWhichADeclarationMayList()
    {
        Assert.That(Load().SmdpOptions, Is.EquivalentTo(new[] { "ppk", "metadata-split" }), "the reference speaks SGP.22 v2 only");
        string declaration = Path.GetTempFileName();
        try
        {
            File.WriteAllText(declaration, """{"options": ["sgp22-v3-euicc"]}""");
            Assert.That(Load(flags: new() { ["target"] = declaration }).SmdpOptions, Is.EquivalentTo(new[] { "sgp22-v3-euicc" }));
        }
        finally
        {
            File.Delete(declaration);
        }
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("soon")]
    [TestCase("601")]
    public void TheTimeoutIsAPositiveNumberOfSeconds(string value) =>
        Assert.That(Error(env: new() { ["CONFORMANCE_TIMEOUT_SECONDS"] = value }),
            Is.EqualTo($"Setting CONFORMANCE_TIMEOUT_SECONDS ('{value}') must be a number of seconds between 0 and 600."));

    [Test]
    public void TheTimeoutIsReadInSeconds() =>
        Assert.That(Load(env: new() { ["CONFORMANCE_TIMEOUT_SECONDS"] = "2.5" }).Timeout, Is.EqualTo(TimeSpan.FromSeconds(2.5)));

    [Test]
    public void AnUnknownKeyInTheFileIsNamed() =>
        Assert.That(Error(file: new() { ["smdpAdress"] = "x" }), Does.StartWith("Setting \"smdpAdress\" in run.json is unknown"));

    [Test]
    public void ARemoteSmdpNeedsTheOperatorCertificate() =>
        Assert.That(Error(flags: new() { ["smdp"] = "https://smdp.example.com" }),
            Does.StartWith("Setting operatorCertificate (CONFORMANCE_OPERATOR_CERT) is missing"));

    [Test]
    public void ARemoteSmdpNeedsAnInventory()
    {
        string cert = Path.GetTempFileName();
        try
        {
            Assert.That(Error(flags: new() { ["smdp"] = "https://smdp.example.com" },
                    env: new() { ["CONFORMANCE_OPERATOR_CERT"] = cert, ["CONFORMANCE_OPERATOR_KEY"] = cert }),
                Does.StartWith("Setting iccids (CONFORMANCE_ICCIDS) is missing"));
            TargetConfig c = Load(flags: new() { ["smdp"] = "https://smdp.example.com:8443/" },
                env: new() { ["CONFORMANCE_OPERATOR_CERT"] = cert, ["CONFORMANCE_OPERATOR_KEY"] = cert, ["CONFORMANCE_PROFILE_TYPE"] = "Gold" },
                file: new() { ["iccids"] = "8999010000000000011, 8999010000000000029" });
            Assert.That(c.IsReference, Is.False);
            Assert.That(c.SmdpUrl, Is.EqualTo(new Uri("https://smdp.example.com:8443/")));
            Assert.That(c.Iccids, Is.EqualTo(new[] { "8999010000000000011", "8999010000000000029" }));
        }
        finally
        {
            File.Delete(cert);
        }
    }

    [Test]
    public void OperatorCertificateAndKeyComeTogether()
    {
        string cert = Path.GetTempFileName();
        try
        {
            Assert.That(Error(env: new() { ["CONFORMANCE_OPERATOR_CERT"] = cert }),
                Is.EqualTo("Setting operatorKey (CONFORMANCE_OPERATOR_KEY) is missing: the operator's client certificate and key come together."));
        }
        finally
        {
            File.Delete(cert);
        }
    }

    [Test]
    public void TheTrustFileMustHoldPemCertificates()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a certificate");
            Assert.That(Error(flags: new() { ["trust"] = path }), Is.EqualTo($"Setting --trust ('{path}') holds no PEM certificate."));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void AConfigFileThatIsNotJsonIsNamed()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ smdp: ");
            var e = Assert.Throws<ConfigException>(() => ConfigSources.From(k => k == ConfigSources.ConfigVariable ? path : null));
            Assert.That(e!.Message, Does.StartWith($"The configuration file {path} (from CONFORMANCE_CONFIG) is not valid JSON"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void TheFlagsFileNamesTheConfigFile()
    {
        string flags = Path.GetTempFileName(), config = Path.GetTempFileName();
        try
        {
            File.WriteAllText(config, """{ "curve": "brp", "iccids": ["8999010000000000011"] }""");
            File.WriteAllText(flags, $$"""{ "config": "{{config}}", "euicc": "pcsc" }""");
            var sources = ConfigSources.From(k => k == ConfigSources.FlagsVariable ? flags : null);
            Assert.That(sources.Get(Settings.Curve), Is.EqualTo(new SettingValue("brp", $"\"curve\" in {Path.GetFileName(config)}")));
            Assert.That(sources.Get(Settings.Euicc), Is.EqualTo(new SettingValue("pcsc", "--euicc")));
            Assert.That(sources.Get(Settings.Iccids)!.Value, Is.EqualTo("8999010000000000011"));
        }
        finally
        {
            File.Delete(flags);
            File.Delete(config);
        }
    }
}
