using Conformance.Euicc.Apdu;
using Conformance.Euicc.State;

namespace Conformance.Euicc.Tests.Apdu;

/// <summary>
/// Random and mutated APDUs against the front end: it never throws, always answers a status word
/// (errors carry no data), and the card's stored state stays exactly what the handled commands made it.
/// </summary>
public class FuzzTests
{
    internal sealed record FuzzCardState(string Eid, string Nickname, int Writes);

    /// <summary>A test handler with persistent state: GetEuiccData ('BF3E') reads the EID, 'BF29' sets a nickname.</summary>
    private sealed class StatefulHandler(StateStore<FuzzCardState> store) : IEs10Handler
    {
        public FuzzCardState State { get; private set; } = store.LoadOrCreate(() => new("89049032123451234512345678901235", "", 0));

        public int NicknameCommands { get; private set; }

        public byte[] Handle(ReadOnlySpan<byte> command)
        {
            if (command.Length >= 2 && command[0] == 0xBF && command[1] == 0x3E)
            {
                return Hex.Bytes("BF3E125A10" + State.Eid);
            }
            if (command.Length >= 2 && command[0] == 0xBF && command[1] == 0x29)
            {
                NicknameCommands++;
                State = State with { Nickname = Hex.Of(command.ToArray()), Writes = State.Writes + 1 };
                store.Save(State);
                return Hex.Bytes("BF2903800100");
            }
            throw new Es10StatusException(StatusWords.IncorrectData, "not a command of this test handler");
        }

        public void Reset()
        {
        }
    }

    private static readonly string[] Corpus =
    [
        "0070000001", "00708001", "00708002", "0070000000", "00700002",
        "00A4040010A0000005591010FFFFFFFF8900000100", "01A4040010A0000005591010FFFFFFFF8900000100",
        "01A4040010A0000005591010FFFFFFFF890000010000", "00A4040008A0000005591010FF",
        "80AA000005A903830107", "81E2910006BF3E035C015A", "81E2910006BF3E035C015A00",
        "81E2110002BF29", "81E2910104030401AA", "80E2910006BF3E035C015A", "01C0000000", "01C0000010",
        "00C0000000", "81E2910003BF2D00", "02A4040010A0000005591010FFFFFFFF8900000100",
    ];

    private static byte[] Mutate(byte[] apdu, Random rng)
    {
        var b = new List<byte>(apdu);
        switch (rng.Next(7))
        {
            case 0 when b.Count > 0:
                int i = rng.Next(b.Count);
                b[i] ^= (byte)(1 << rng.Next(8));
                break;
            case 1 when b.Count > 0:
                b[rng.Next(b.Count)] = (byte)rng.Next(256);
                break;
            case 2 when b.Count > 0:
                b.RemoveRange(rng.Next(b.Count), b.Count - rng.Next(b.Count) > 0 ? 1 : 0);
                break;
            case 3:
                b.AddRange(Enumerable.Range(0, rng.Next(1, 40)).Select(_ => (byte)rng.Next(256)));
                break;
            case 4 when b.Count > 4:
                b[4] = (byte)rng.Next(256); // Lc / Le
                break;
            case 5 when b.Count > 0:
                b[0] = (byte)((b[0] & 0xFC) | rng.Next(4)); // another channel
                break;
            default:
                if (b.Count > 0)
                {
                    b = b.Take(rng.Next(b.Count)).ToList();
                }
                break;
        }
        return [.. b];
    }

    [Test]
    public void TwentyThousandRandomAndMutatedApdus()
    {
        string dir = Path.Combine(Path.GetTempPath(), "euicc-fuzz-" + Guid.NewGuid().ToString("N"));
        int seed = Environment.TickCount;
        TestContext.Out.WriteLine($"fuzz seed {seed}");
        var rng = new Random(seed);
        try
        {
            var store = new StateStore<FuzzCardState>(dir);
            var handler = new StatefulHandler(store);
            var card = new IsdrFrontEnd(handler);
            string eid = handler.State.Eid;
            var swSeen = new HashSet<ushort>();
            for (int n = 0; n < 20_000; n++)
            {
                byte[] apdu = rng.Next(10) switch
                {
                    < 4 => [.. Enumerable.Range(0, rng.Next(0, 300)).Select(_ => (byte)rng.Next(256))],
                    < 8 => Mutate(Hex.Bytes(Corpus[rng.Next(Corpus.Length)]), rng),
                    _ => Hex.Bytes(Corpus[rng.Next(Corpus.Length)]),
                };
                if (rng.Next(500) == 0)
                {
                    card.Reset();
                }
                byte[] r;
                try
                {
                    r = card.Transmit(apdu);
                }
                catch (Exception e)
                {
                    Assert.Fail($"APDU {Hex.Of(apdu)} (#{n}, seed {seed}) threw {e}");
                    return;
                }
                Assert.That(r, Has.Length.GreaterThanOrEqualTo(2), Hex.Of(apdu));
                var sw = new StatusWord(r[^2], r[^1]);
                swSeen.Add(sw.Value);
                Assert.That(sw.Sw1, Is.AnyOf(0x90, 0x61, 0x62, 0x67, 0x68, 0x69, 0x6A, 0x6C, 0x6D, 0x6E, 0x6F), Hex.Of(apdu));
                if (sw.Sw1 is not (0x90 or 0x61))
                {
                    Assert.That(r, Has.Length.EqualTo(2), $"an error carries no data: {Hex.Of(apdu)} -> {Hex.Of(r)}");
                }
                Assert.That(StatusWords.Describe(sw), Is.Not.EqualTo("unknown status word"), Hex.Of(r));
            }
            TestContext.Out.WriteLine($"status words seen: {string.Join(" ", swSeen.Order().Select(s => s.ToString("X4")))}");
            Assert.That(swSeen, Has.Count.GreaterThanOrEqualTo(10), "the fuzz reached many paths");

            // Stored state: exactly what the handled commands made it, and it is on disk.
            FuzzCardState inMemory = handler.State;
            Assert.That(inMemory.Eid, Is.EqualTo(eid));
            Assert.That(inMemory.Writes, Is.EqualTo(handler.NicknameCommands));
            store.Dispose();
            using (var reopened = new StateStore<FuzzCardState>(dir))
            {
                Assert.That(reopened.Load(), Is.EqualTo(inMemory));
            }

            // And the card still works normally.
            card.Reset();
            Assert.That(card.Send("0070000001"), Is.EqualTo("019000"));
            Assert.That(card.Send("01A4040010A0000005591010FFFFFFFF8900000100"), Is.EqualTo("9000"));
            Assert.That(card.Send("81E2910006BF3E035C015A"), Is.EqualTo("BF3E125A10" + eid + "9000"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
