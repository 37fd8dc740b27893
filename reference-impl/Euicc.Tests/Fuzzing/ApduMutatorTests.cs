using Conformance.Euicc.Apdu;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Fuzzing;
using Conformance.Euicc.Tests.Support;

namespace Conformance.Euicc.Tests.Fuzzing;

/// <summary>
/// The issue #14 APDU corpus (<see cref="ApduMutator"/>) in process against the real ES10 handler behind the ISD-R
/// front end: every APDU answered with a proper status word (the due one where it is known), the card alive after.
/// </summary>
public class ApduMutatorTests
{
    private static IsdrFrontEnd NewCard(out Es10Handler handler)
    {
        handler = new Es10Handler(TestCard.Identity);
        return new IsdrFrontEnd(handler);
    }

    private static ApduExchange InProcess(IsdrFrontEnd card) => (command, _) => Task.FromResult(card.Transmit(command));

    [TestCase(1)]
    [TestCase(14)]
    [TestCase(20261124)]
    public async Task TwentyThousandMutatedApdusInProcess(int seed)
    {
        IsdrFrontEnd card = NewCard(out Es10Handler handler);
        using (handler)
        {
            var options = new ApduFuzzOptions { Apdus = 20_000, Seed = seed, MinimumLength = 0, ExpectedEid = handler.Eid, ProblemsKept = 30 };
            ApduFuzzReport report = await ApduFuzzer.RunAsync(options, InProcess(card));
            await TestContext.Out.WriteLineAsync(report.Format());
            Assert.That(report.Passed, Is.True, report.Format());
            Assert.That(report.StatusWords, Has.Count.GreaterThanOrEqualTo(12), "the corpus reaches many paths");
            Assert.That(report.Checked, Is.GreaterThan(options.Apdus / 5), "a good share of APDUs has its status word due");
            Assert.That(report.Mutations.Select(m => m.Key), Is.SupersetOf(Enum.GetValues<ApduMutation>()), "every mutation occurs");
        }
    }

    [Test]
    public async Task TheSameSeedSendsTheSameApdusAndAnotherSeedOthers()
    {
        async Task<List<string>> Sent(int seed)
        {
            IsdrFrontEnd card = NewCard(out Es10Handler handler);
            using (handler)
            {
                var sent = new List<string>();
                await ApduFuzzer.RunAsync(new ApduFuzzOptions { Apdus = 3000, Seed = seed }, (command, _) =>
                {
                    sent.Add(Convert.ToHexString(command));
                    return Task.FromResult(card.Transmit(command));
                });
                return sent;
            }
        }

        List<string> first = await Sent(7), again = await Sent(7), other = await Sent(8);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void ThroughVpcdNoApduIsShorterThanTwoBytesAndTheCorpusHasItsSeeds()
    {
        var mutator = new ApduMutator(3);
        IsdrFrontEnd card = NewCard(out Es10Handler handler);
        using (handler)
        {
            var origins = new HashSet<string>();
            var lengths = new HashSet<int>();
            byte[] response = [];
            for (int i = 0; i < 10_000; i++)
            {
                FuzzApdu apdu = mutator.Next(response);
                origins.Add(apdu.Origin);
                lengths.Add(apdu.Command.Length);
                response = card.Transmit(apdu.Command);
            }
            Assert.That(lengths.Min(), Is.EqualTo(2), "vpcd cannot carry 0 or 1 byte as an APDU");
            Assert.That(lengths.Max(), Is.InRange(255, 400));
            Assert.That(lengths, Does.Contain(3).And.Contain(261), "below the header, and 255 data bytes with Le");
            foreach (string seed in new[]
            {
                "MANAGE CHANNEL open (case 1)", "MANAGE CHANNEL open (T=0, P3 00)", "MANAGE CHANNEL close (case 1)", "MANAGE CHANNEL close (T=0, P3 00)",
                "SELECT ISD-R", "STORE DATA GetEUICCInfo1", "STORE DATA GetEUICCChallenge", "STORE DATA GetEID", "STORE DATA GetProfilesInfo",
                "GET RESPONSE after 61xx",
            })
            {
                Assert.That(origins, Does.Contain(seed));
            }
            Assert.That(origins.Any(o => o.StartsWith("STORE DATA GetEUICCInfo2 in ", StringComparison.Ordinal) && o.EndsWith(" blocks", StringComparison.Ordinal)),
                "ES10 commands split over several blocks");
        }
    }

    [TestCase("00A404", "6700", Description = "below the header")]
    [TestCase("00A4040000001000", "6700", Description = "extended Lc")]
    [TestCase("80E2910005BF2000", "6700", Description = "Lc beyond the data")]
    [TestCase("FF70000001", "6E00", Description = "CLA FF")]
    [TestCase("0012000000", "6D00", Description = "unknown INS on the basic channel")]
    [TestCase("00A4000010A0000005591010FFFFFFFF8900000100", "6A86", Description = "SELECT with P1 00")]
    [TestCase("80E2910003BF2000", null, Description = "state decides")]
    [TestCase("01A4040010A0000005591010FFFFFFFF8900000100", null, Description = "on channel 1: open or not")]
    public void StatusWordsDueWhateverTheState(string apdu, string? due)
    {
        StatusWord? expected = ApduMutator.ExpectedStatusWord(Convert.FromHexString(apdu));
        Assert.That(expected?.Value.ToString("X4"), Is.EqualTo(due));
        if (due is not null)
        {
            // And the card agrees, fresh or after a session on every channel.
            IsdrFrontEnd card = NewCard(out Es10Handler handler);
            using (handler)
            {
                Assert.That(Convert.ToHexString(card.Transmit(Convert.FromHexString(apdu))), Is.EqualTo(due));
                foreach (string setup in new[] { "0070000001", "0070000001", "0070000001", "00A4040010A0000005591010FFFFFFFF8900000100", "80E2110001BF" })
                {
                    card.Transmit(Convert.FromHexString(setup));
                }
                Assert.That(Convert.ToHexString(card.Transmit(Convert.FromHexString(apdu))), Is.EqualTo(due));
            }
        }
    }

    [Test]
    public void AMissingOrBrokenStatusWordIsCaught()
    {
        var apdu = new FuzzApdu([0x00, 0xA4, 0x04, 0x00], "test", ApduMutation.None, null);
        Assert.That(ApduFuzzer.Judge(apdu, [0x90]).Verdict, Is.EqualTo(FuzzVerdict.NoStatusWord));
        Assert.That(ApduFuzzer.Judge(apdu, [0x12, 0x34]).Verdict, Is.EqualTo(FuzzVerdict.NoStatusWord));
        Assert.That(ApduFuzzer.Judge(apdu, [0x60, 0x00]).Verdict, Is.EqualTo(FuzzVerdict.NoStatusWord), "'60' is a procedure byte");
        Assert.That(ApduFuzzer.Judge(apdu, [0x6F, 0x00]).Verdict, Is.EqualTo(FuzzVerdict.Suspect));
        Assert.That(ApduFuzzer.Judge(apdu, [0x01, 0x6A, 0x80]).Verdict, Is.EqualTo(FuzzVerdict.Suspect), "data with an error");
        Assert.That(ApduFuzzer.Judge(apdu with { Expected = new StatusWord(0x6700) }, [0x90, 0x00]).Verdict, Is.EqualTo(FuzzVerdict.Suspect));
        Assert.That(ApduFuzzer.Judge(apdu, [0x01, 0x61, 0x10]).Verdict, Is.EqualTo(FuzzVerdict.Answered));
        Assert.That(ApduFuzzer.Judge(apdu, [0x6C, 0x01]).Verdict, Is.EqualTo(FuzzVerdict.Answered));
    }

    [Test]
    public async Task ATransportErrorIsCountedTheRunReconnectsAndGivesUpWhenReconnectingFails()
    {
        IsdrFrontEnd card = NewCard(out Es10Handler handler);
        using (handler)
        {
            int calls = 0, reconnects = 0;
            ApduFuzzReport report = await ApduFuzzer.RunAsync(new ApduFuzzOptions { Apdus = 100 }, (command, _) =>
                ++calls == 50 ? throw new IOException("the reader went away") : Task.FromResult(card.Transmit(command)),
                _ =>
                {
                    reconnects++;
                    return Task.CompletedTask;
                });
            Assert.That((report.Sent, report.TransportErrors, report.Answered, reconnects), Is.EqualTo((100, 1, 99, 1)));
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Problems.Single().ToString(), Does.Contain("the reader went away"));
            Assert.That(report.Liveness.Alive, Is.True, "the card itself is fine");

            report = await ApduFuzzer.RunAsync(new ApduFuzzOptions { Apdus = 100 }, (command, _) =>
                throw new IOException("no reader"), _ => throw new IOException("still no reader"));
            Assert.That((report.Sent, report.TransportErrors, report.Liveness.Alive), Is.EqualTo((1, 1, false)));
            Assert.That(report.Format(), Does.Contain("reconnecting failed: still no reader").And.Contain("NOT ALIVE"));
        }
    }
}
