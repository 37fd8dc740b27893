using Conformance.Euicc.State;

namespace Conformance.Euicc.Tests.State;

public class StateStoreTests
{
    internal sealed record CardState(string Eid, List<string> Profiles, int Counter);

    private sealed class SimulatedCrash : Exception;

    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "euicc-state-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static CardState Sample(int n) => new("89049032123451234512345678901235", [.. Enumerable.Range(0, n).Select(i => $"iccid{i}")], n);

    [Test]
    public void EmptyDirectoryHasNoState()
    {
        using var store = new StateStore<CardState>(_dir);
        Assert.That(store.Load(), Is.Null);
    }

    [Test]
    public void SurvivesARestart()
    {
        using (var store = new StateStore<CardState>(_dir))
        {
            store.Save(Sample(1));
            store.Save(Sample(3));
        }
        using var restarted = new StateStore<CardState>(_dir);
        CardState loaded = restarted.Load()!;
        Assert.That(loaded.Counter, Is.EqualTo(3));
        Assert.That(loaded.Profiles, Is.EqualTo(new[] { "iccid0", "iccid1", "iccid2" }));
        Assert.That(File.Exists(Path.Combine(_dir, StateStore<CardState>.FileName + ".tmp")), Is.False);
    }

    [Test]
    public void LoadOrCreateSavesTheInitialStateOnce()
    {
        using (var store = new StateStore<CardState>(_dir))
        {
            Assert.That(store.LoadOrCreate(() => Sample(2)).Counter, Is.EqualTo(2));
        }
        using var again = new StateStore<CardState>(_dir);
        Assert.That(again.LoadOrCreate(() => Sample(9)).Counter, Is.EqualTo(2));
    }

    [TestCase("TempPartlyWritten", 1)]
    [TestCase("TempFlushed", 1)]
    [TestCase("Renamed", 2)]
    public void CrashBetweenWritesLeavesOldOrNewNeverTorn(string crashAtStep, int expectedCounter)
    {
        var crashAt = Enum.Parse<SaveStep>(crashAtStep);
        var store = new StateStore<CardState>(_dir);
        store.Save(Sample(1));
        store.FaultInjection = step =>
        {
            if (step == crashAt)
            {
                throw new SimulatedCrash();
            }
        };
        Assert.Throws<SimulatedCrash>(() => store.Save(Sample(2)));
        // The process "dies": its lock goes away, a new process starts on the same directory.
        store.Dispose();
        using var restarted = new StateStore<CardState>(_dir);
        CardState loaded = restarted.Load()!;
        Assert.That(loaded.Counter, Is.EqualTo(expectedCounter));
        Assert.That(loaded, Is.EqualTo(Sample(expectedCounter)).Using<CardState>((a, b) =>
            a.Eid == b.Eid && a.Counter == b.Counter && a.Profiles.SequenceEqual(b.Profiles)));
        Assert.That(File.Exists(Path.Combine(_dir, "state.json.tmp")), Is.False, "the unfinished write is discarded");
        restarted.Save(Sample(4));
        Assert.That(restarted.Load()!.Counter, Is.EqualTo(4), "and the store keeps working");
    }

    [Test]
    public void ATornTemporaryFileFromAnotherCrashIsIgnored()
    {
        using (var store = new StateStore<CardState>(_dir))
        {
            store.Save(Sample(5));
        }
        File.WriteAllText(Path.Combine(_dir, "state.json.tmp"), "{\"Eid\":\"8904");
        using var restarted = new StateStore<CardState>(_dir);
        Assert.That(restarted.Load()!.Counter, Is.EqualTo(5));
    }

    [Test]
    public void ACorruptStateFileIsReportedNotReset()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "state.json"), "{ not json");
        using var store = new StateStore<CardState>(_dir);
        var e = Assert.Throws<StateStoreException>(() => store.Load())!;
        Assert.That(e.Message, Does.Contain("state.json").And.Contain("CardState"));
    }

    [Test]
    public void ASecondStoreOnTheSameDirectoryIsRefused()
    {
        using var first = new StateStore<CardState>(_dir);
        var e = Assert.Throws<StateStoreException>(() => new StateStore<CardState>(_dir))!;
        Assert.That(e.Message, Does.Contain("in use"));
    }
}
