using System.Globalization;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support;
using Conformance.Testing.Pcsc;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issue #6 at the harness level: a run of real @euicc scenarios with CONFORMANCE_EUICC=pcsc over a private pcscd
/// (scripts/pcsc.sh, <see cref="PcscRig"/>), the emulated eUICC attached as the vpcd card, which leaves the reader by
/// itself while the second scenario is in flight (VpcdOptions.UnplugAfterApdus, the knob of
/// <c>euicc serve --unplug-after-apdus</c>). The run ends, junit.xml holds every selected scenario, the first passed,
/// the one in flight failed naming the removal and the reader, the later ones failed at once with "No card in reader".
/// Card and harness share one generated PKI written as an SGP.26 directory (CONFORMANCE_PKI), as ./conformance does.
/// Ignored, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class UnpluggedCardRunTests
{
    /// <summary>Three one-function scenarios (no SM-DP+ traffic); the order of a run is not asserted, only its shape.</summary>
    private const string Selection = "@TC_eUICC_ES10c.GetEID or @TC_eUICC_ES10b.GetEUICCChallenge or @TC_eUICC_ES10b.GetEUICCInfo1";

    /// <summary>
    /// The card leaves while the APDU after this many is in flight. Counted in a run without the pull (49 APDUs):
    /// scenarios run in fixture name order, each followed by a 6-APDU clean-up (EuiccHooks): GetEUICCChallenge
    /// (steps 1-5, clean-up 6-11), GetEUICCInfo1 (steps 12-15: ISD-R channel and select, ListNotification,
    /// GetEUICCInfo1), GetEID. After 13 the card leaves during the second scenario's ListNotification, in a step.
    /// </summary>
    private const int UnplugAfterApdus = 13;

    private const int TimeoutSeconds = 5;

    private string _directory = null!;

    [OneTimeSetUp]
    public void CreateTheDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"conformance-unplugged-{Environment.ProcessId}");
        Directory.CreateDirectory(_directory);
    }

    [Test]
    public async Task PullingTheCardMidRunFailsThatScenarioClearlyAndTheRestFast()
    {
        var options = new TestPkiOptions { LoopbackSans = true };
        TestPki pki = TestPkiGenerator.Generate(options);
        string pkiDirectory = Path.Combine(_directory, "pki");
        Sgp26Writer.Write(pki, pkiDirectory, options);

        await using PcscRig rig = await PcscRig.StartAsync(new Es10Handler(EuiccIdentity.FromPki(pki)), "conformance-unplugged", UnplugAfterApdus);

        var settings = new Dictionary<string, string>
        {
            [Settings.Euicc.Env] = "pcsc:" + rig.Reader,
            [Settings.Pki.Env] = pkiDirectory,
            [Settings.Tags.Env] = Selection,
            [Settings.Timeout.Env] = TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            // libpcsclite reads the socket of the private pcscd from here.
            ["PCSCLITE_CSOCK_NAME"] = rig.Socket,
        };
        IReadOnlyList<FeatureScenario> selected = HarnessProcess.Selected(settings);
        TimeSpan bound = TimeSpan.FromSeconds(90 + (selected.Count * TimeoutSeconds));

        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(_directory, "run"), bound + TimeSpan.FromMinutes(2));
        await TestContext.Out.WriteLineAsync($"{run.Scenarios.Count} scenarios in {run.Elapsed.TotalSeconds:0.0} s (bound {bound.TotalSeconds:0} s), exit code {run.ExitCode}, card answered {rig.Card!.Apdus} APDUs");
        foreach (ScenarioResult s in run.Scenarios)
        {
            await TestContext.Out.WriteLineAsync($"  {s.Name}: {s.Outcome}{(s.Message is null ? "" : " - " + s.Message.Split('\n')[0])}");
        }

        Assert.That(selected, Has.Count.EqualTo(3), $"the selection {Selection}");
        Assert.That(run.Scenarios.Select(s => s.Name).ToList(), Has.Count.EqualTo(selected.Count),
            $"junit.xml ({run.JUnitPath}) must hold every selected scenario:\n{HarnessProcess.Why(run.Log)}");
        Assert.That(run.Elapsed, Is.LessThan(bound), "the run outlived its bound");
        Assert.That(run.ExitCode, Is.Not.Zero, "the run passed although its card was pulled");
        Assert.That(rig.Card.Unplugged, Is.True, "the card was never pulled");
        Assert.That(rig.Card.Apdus, Is.EqualTo(UnplugAfterApdus), "the card answered exactly the APDUs before the pull");

        string removed = $"The card was removed from reader '{rig.Reader}' during an APDU exchange: ";
        string noCard = $"No card in reader '{rig.Reader}' after 0 s (no card in the reader (SCARD_E_NO_SMARTCARD 0x8010000C)).";
        Assert.Multiple(() =>
        {
            Assert.That(run.Scenarios.Count(s => s.Passed), Is.EqualTo(1), "the scenario before the pull passed");
            Assert.That(run.Scenarios.Count(s => s.Failed && s.Message!.Contains(removed, StringComparison.Ordinal)), Is.EqualTo(1),
                "the scenario in flight fails naming the removal and the reader");
            Assert.That(run.Scenarios.Count(s => s.Failed && s.Message!.Contains(noCard, StringComparison.Ordinal)), Is.EqualTo(1),
                "the later scenario fails at once: no card, no second wait");
            Assert.That(run.Scenarios.Where(s => !s.Passed && !(s.Message ?? "").Contains(removed, StringComparison.Ordinal)
                    && !(s.Message ?? "").Contains(noCard, StringComparison.Ordinal)).Select(s => $"{s.Name}: {s.Outcome} {s.Message}"),
                Is.Empty, "scenarios that failed for another reason");
        });
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
