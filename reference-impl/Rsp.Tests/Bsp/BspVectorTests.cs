using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Tests.Bsp;

/// <summary>All vectors of bsp.json, both directions, in the order they are given.</summary>
public class BspVectorTests
{
    public static IEnumerable<TestCaseData> KdfCases() =>
        BspVectors.KdfEntries().Select((k, i) => new TestCaseData(k).SetArgDisplayNames($"kdf[{i}]"));

    [TestCaseSource(nameof(KdfCases))]
    public void SessionKeyDerivation_MatchesVector(BspVectors.Kdf v)
    {
        SessionKeys keys = SessionKeyDerivation.Derive(v.SharedSecret, v.HostId, v.Eid, v.KeyType, v.KeyLength);
        Assert.Multiple(() =>
        {
            Assert.That(keys.SEnc, Is.EqualTo(v.Expected.SEnc), "S-ENC");
            Assert.That(keys.SMac, Is.EqualTo(v.Expected.SMac), "S-MAC");
            Assert.That(keys.InitialMacChainingValue, Is.EqualTo(v.Expected.InitialMacChainingValue), "initial MCV");
        });
    }

    [TestCase("segments")]
    [TestCase("ppkSegments")]
    public void ProtectInOrder(string set)
    {
        BspVectors.Instance v = BspVectors.Segments(set);
        using var bsp = new BspInstance(v.Keys);
        for (int i = 0; i < v.Steps.Count; i++)
        {
            BspVectors.Step s = v.Steps[i];
            byte[] produced = s.Op == "macOnly" ? bsp.MacOnly(s.Tag, s.Plain) : bsp.EncryptAndMac(s.Tag, s.Plain);
            Assert.That(Convert.ToHexString(produced), Is.EqualTo(Convert.ToHexString(s.Protected)), $"step {i} ({s.Op})");
            Assert.That(produced, Has.Length.AtMost(1020));
        }
    }

    [TestCase("segments")]
    [TestCase("ppkSegments")]
    public void VerifyAndDecryptInOrder(string set)
    {
        BspVectors.Instance v = BspVectors.Segments(set);
        using var bsp = new BspInstance(v.Keys);
        for (int i = 0; i < v.Steps.Count; i++)
        {
            BspVectors.Step s = v.Steps[i];
            byte[] plain = s.Op == "macOnly" ? bsp.VerifyMacOnly(s.Tag, s.Protected) : bsp.VerifyAndDecrypt(s.Tag, s.Protected);
            Assert.That(plain, Is.EqualTo(s.Plain), $"step {i} ({s.Op})");
            Assert.That(bsp.SegmentIndex, Is.EqualTo(i + 1));
        }
    }

    [Test]
    public void BlockCounterCountsEverySegmentMacOnlyIncluded()
    {
        BspVectors.Instance v = BspVectors.Segments("segments");
        using var bsp = new BspInstance(v.Keys);
        var counters = new List<ulong> { bsp.BlockCounter };
        foreach (BspVectors.Step s in v.Steps)
        {
            _ = s.Op == "macOnly" ? bsp.VerifyMacOnly(s.Tag, s.Protected) : bsp.VerifyAndDecrypt(s.Tag, s.Protected);
            counters.Add(bsp.BlockCounter);
        }
        Assert.That(counters, Is.EqualTo(new ulong[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void ReplaceSessionKeysStartsAFreshInstance()
    {
        BspVectors.Instance first = BspVectors.Segments("segments");
        BspVectors.Instance ppk = BspVectors.Segments("ppkSegments");
        using var bsp = new BspInstance(first.Keys);
        foreach (BspVectors.Step s in first.Steps)
        {
            _ = s.Op == "macOnly" ? bsp.MacOnly(s.Tag, s.Plain) : bsp.EncryptAndMac(s.Tag, s.Plain);
        }
        using BspInstance replaced = bsp.ReplaceSessionKeys(ppk.Keys);
        Assert.That(replaced.BlockCounter, Is.EqualTo(1UL));
        Assert.That(replaced.SegmentIndex, Is.Zero);
        Assert.That(replaced.MacChainingValue, Is.EqualTo(ppk.Keys.InitialMacChainingValue));
        Assert.That(replaced.EncryptAndMac(ppk.Steps[0].Tag, ppk.Steps[0].Plain), Is.EqualTo(ppk.Steps[0].Protected));
    }

    [Test]
    public void ProfileSegmentationOfTheJoinedPpkPlainGivesTheVectorSegments()
    {
        BspVectors.Instance v = BspVectors.Segments("ppkSegments");
        byte[] profile = v.Steps.SelectMany(s => s.Plain).ToArray();
        using (var bsp = new BspInstance(v.Keys))
        {
            IReadOnlyList<byte[]> segments = ProfileSegmentation.Protect(bsp, profile);
            Assert.That(segments.Select(Convert.ToHexString), Is.EqualTo(v.Steps.Select(s => Convert.ToHexString(s.Protected))));
        }
        using (var bsp = new BspInstance(v.Keys))
        {
            byte[] joined = ProfileSegmentation.Unprotect(bsp, v.Steps.Select(s => (ReadOnlyMemory<byte>)s.Protected));
            Assert.That(joined, Is.EqualTo(profile));
        }
    }
}
