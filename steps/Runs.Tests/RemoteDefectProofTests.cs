using Conformance.Rsp.Pki;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issue #13, "the ES9+ defect proofs still catch their defects in file mode": the bundled SM-DP+ runs standalone
/// (<c>smdp serve --defect NAME</c>) as the remote SM-DP+ under test, with a PKI in the shape GSMA publishes SGP.26
/// (no CERT.DPtls, no negative variants: <c>smdp serve</c> issues its TLS certificate from the CI key, the harness its
/// negative eUICC certificates from the EUM and CI keys). Orders come as a .json file made over ES2+ by this process.
/// One entry of fixtures/defects/smdp.json per ES9+ function and kind is run this way (the in-process proofs of
/// <see cref="DefectProofTests"/> run them all); each must be caught with its fragment, the others skipped or passed.
/// </summary>
[NonParallelizable]
public class RemoteDefectProofTests
{
    private static readonly string[] Chosen =
    [
        "WrongStatusCodeForInvalidSmdpAddress", "MissingAdminProtocolHeader", "AcceptExpiredEuiccCertificate",
        "OversizedProfileSegment", "SkipConfirmationCodeCheck", "HandleNotificationAnswers200WithBody",
    ];

    private string _directory = null!;
    private string _pki = null!;

    public static IEnumerable<TestCaseData> Entries() =>
        DefectFixtures.All().Where(e => e.Side == DefectFixtures.Smdp && Chosen.Contains(e.Defect))
            .Select(e => new TestCaseData(e).SetName($"remote smdp {e.Defect}"));

    [OneTimeSetUp]
    public void WriteTheGsmaShapedPki()
    {
        _directory = StandaloneSmdp.FreshDirectory("remote-defects");
        _pki = Path.Combine(_directory, "sgp26");
        var options = new TestPkiOptions { Seed = 26 };
        Sgp26Writer.WriteGsmaShape(TestPkiGenerator.Generate(options), _pki, options);
    }

    [Test]
    public void EveryChosenDefectIsAnEntry() => Assert.That(Entries().Count(), Is.EqualTo(Chosen.Length));

    [TestCaseSource(nameof(Entries))]
    public async Task DefectIsCaughtInFileMode(DefectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using StandaloneSmdp smdp = await StandaloneSmdp.StartAsync(_directory, 80, _pki, "--defect", entry.Defect);
        string orders = await smdp.JsonOrdersAsync(Path.Combine(_directory, $"{entry.Defect}.json"), Identifiers.Eid1, Identifiers.Eid2,
            plain: 40, withCode: 8, eidBound: 8, fewOthers: 2);
        var settings = smdp.RunSettings(orders, entry.Tags);
        settings[Settings.Pki.Env] = _pki;
        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(_directory, entry.Defect), TimeSpan.FromMinutes(5));

        Assert.That(run.Scenarios, Is.Not.Empty, HarnessProcess.Why(run.Log));
        ScenarioResult? caught = DefectProofTests.CatchingScenario(entry, run.Scenarios);
        Assert.That(caught, Is.Not.Null, $"{entry.Defect} was not caught in file mode: no scenario of '{entry.Tags}' failed with '{entry.Expect}'; "
            + $"results: {string.Join("; ", run.Scenarios.Where(s => !s.Passed).Select(s => $"{s.Outcome} {s.Name}: {s.Message}"))}");
        RemoteOrdersRunTests.SkippedWithReasons(run);
        Assert.That(run.Scenarios.Where(s => s.Outcome == "error").Select(s => $"{s.Name}: {s.Message}"), Is.Empty, "a defect fails the scenarios about it; none is left broken");
    }
}
