using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Conformance.Adapters.Tests.Http;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issue #5 at the harness level: a whole run against a remote SM-DP+ that misbehaves (WireMock over HTTPS,
/// its root given as the trust setting) ends, within scenarios x timeout plus a margin, with a non-zero exit
/// code, a junit.xml result for every selected scenario and failure messages that say what happened. The
/// selection is one ES2+ and one ES9+ function's scenarios (every call of a hanging server waits out the
/// timeout, so all @smdp scenarios would take minutes per misbehaviour), through both clients.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class MisbehavingSmdpRunTests
{
    /// <summary>
    /// Short, but above what a child's first call costs on a loaded machine (JIT, first TLS handshake: up to
    /// ~2 s measured with two runs on two busy cores), which counts against the harness's own timeout.
    /// </summary>
    private const int TimeoutSeconds = 3;

    /// <summary>
    /// What every failure message must say, per misbehaviour; the ES2+ client and the ES9+ clients (over
    /// adapters/Http) word it differently, so each pattern is what both say.
    /// </summary>
    private static readonly Dictionary<Misbehaviour, Regex> Says = new()
    {
        [Misbehaviour.Hang] = new($@"no (complete )?answer within {TimeoutSeconds} s"),
        [Misbehaviour.Reset] = new("reset|closed|ended prematurely|forcibly"),
        [Misbehaviour.Html] = new("text/html.*application/json"),
        [Misbehaviour.InvalidJson] = new(@"JSON.*\b37\b"),
        [Misbehaviour.Http500] = new("HTTP 500"),
    };

    /// <summary>ES2+ DownloadOrder and ES9+ InitiateAuthentication (NIST): both HTTP clients, nominal and negative scenarios.</summary>
    // Over the JSON binding, and without the scenarios of an optional feature the remote SM-DP+ does not declare (they are
    // skipped as not applicable before any call).
    private const string Selection = "(@TC_SM-DP+_ES2+.DownloadOrder or @TC_SM-DP+_ES9+.InitiateAuthenticationNIST) and not @asn1 and not @option-sgp22-v3-euicc";

    private string _directory = null!;

    [OneTimeSetUp]
    public void WriteTrustAndOperatorFiles()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"conformance-misbehaving-{Environment.ProcessId}");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "trust.pem"), MisbehavingSmdp.RootPem);
        // Any client certificate will do: the misbehaving server never looks at it.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 operatorCert = new CertificateRequest("CN=Test Operator", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_directory, "operator.pem"), operatorCert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "operator.key"), key.ExportPkcs8PrivateKeyPem());
    }

    [TestCase(Misbehaviour.Hang)]
    [TestCase(Misbehaviour.Reset)]
    [TestCase(Misbehaviour.Html)]
    [TestCase(Misbehaviour.InvalidJson)]
    [TestCase(Misbehaviour.Http500)]
    public async Task EveryScenarioFailsSayingWhatHappenedAndTheRunEnds(Misbehaviour misbehaviour)
    {
        using var smdp = new MisbehavingSmdp(misbehaviour);
        // The harness's first call must not pay for WireMock's start-up (JIT, first TLS handshake) within its timeout.
        await smdp.WarmUpAsync();
        var settings = new Dictionary<string, string>
        {
            [Settings.Smdp.Env] = smdp.BaseAddress.ToString(),
            // The ES9+ client checks that CERT.DPtls names the SM-DP+ address: the fake's certificate names 127.0.0.1.
            [Settings.SmdpAddress.Env] = smdp.BaseAddress.Authority,
            [Settings.Trust.Env] = Path.Combine(_directory, "trust.pem"),
            [Settings.OperatorCertificate.Env] = Path.Combine(_directory, "operator.pem"),
            [Settings.OperatorKey.Env] = Path.Combine(_directory, "operator.key"),
            // Scenarios take ICCIDs from this inventory even when their calls fail: enough for every one.
            [Settings.Iccids.Env] = string.Join(',', Enumerable.Range(1, 200).Select(i => $"89000000000000{i:00000}")),
            [Settings.ProfileType.Env] = "Test profile",
            [Settings.Timeout.Env] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [Settings.Tags.Env] = Selection,
        };
        IReadOnlyList<FeatureScenario> selected = HarnessProcess.Selected(settings);
        // Each scenario may wait out a few calls; the run's own start (test host, PKI) is the margin.
        TimeSpan bound = TimeSpan.FromSeconds(60 + (selected.Count * 3 * TimeoutSeconds));

        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(_directory, misbehaviour.ToString()), bound + TimeSpan.FromMinutes(2));
        await TestContext.Out.WriteLineAsync($"{misbehaviour}: {run.Scenarios.Count} scenarios in {run.Elapsed.TotalSeconds:0.0} s (bound {bound.TotalSeconds:0} s)");
        foreach (string message in run.Scenarios.Select(s => s.Message ?? "(passed)").Distinct().Take(6))
        {
            await TestContext.Out.WriteLineAsync("  " + message.Split('\n')[0]);
        }

        Assert.That(selected, Is.Not.Empty, $"the selection {Selection} for a remote SM-DP+ is empty");
        Assert.That(run.ExitCode, Is.Not.Zero, "the run passed against a misbehaving SM-DP+");
        Assert.That(run.Scenarios.Select(s => s.Name).ToList(), Has.Count.EqualTo(selected.Count),
            $"junit.xml ({run.JUnitPath}) must hold every selected scenario:\n{HarnessProcess.Why(run.Log)}");
        Assert.That(run.Elapsed, Is.LessThan(bound), "the run outlived scenarios x timeout with margin");
        Assert.That(run.Scenarios.Where(s => !s.Failed).Select(s => s.Name), Is.Empty, "scenarios that did not fail against a misbehaving SM-DP+");
        Assert.That(run.Scenarios.Where(s => !Says[misbehaviour].IsMatch(s.Message ?? "")).Select(s => $"{s.Name}: {s.Message}"), Is.Empty,
            $"failure messages that do not say /{Says[misbehaviour]}/");
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
