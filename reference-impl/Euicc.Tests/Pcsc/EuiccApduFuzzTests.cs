using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Fuzzing;
using Conformance.Testing.Pcsc;

namespace Conformance.Euicc.Tests.Pcsc;

/// <summary>
/// Issue #14, the deterministic subset of <c>./conformance fuzz euicc</c>: 500 mutated APDUs (<see cref="ApduMutator"/>,
/// fixed seed) through the real PC/SC stack, a private pcscd with a vpcd reader (scripts/pcsc.sh) and the emulated
/// eUICC attached as the virtual card (<see cref="PcscCard"/>), <see cref="PcscTransport"/> over T=0 (the 5-byte
/// case 1 forms go as a T=0 reader sends them; the card is reset when the transport is released). Every APDU reaches
/// the card and is answered with a status word (the due one where it is known), no transport error, and the card
/// answers a clean ISD-R sequence afterwards. Ignored, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class EuiccApduFuzzTests
{
    private const int Apdus = 500;
    private const int Seed = 1415;

    private static PcscRig Rig => PcscCard.Rig;

    [Test]
    [CancelAfter(60_000)]
    public async Task FiveHundredMutatedApdusThroughPcscdAndVpcdAllAnsweredWithAStatusWord(CancellationToken ct)
    {
        PcscOptions options = Rig.Options() with { Protocols = PcscProtocols.T0, ResetOnDispose = true, TransmitTimeout = TimeSpan.FromSeconds(5) };
        // pcsc-lite keeps the protocol negotiated while the card stays powered: a reset first, whatever an earlier fixture left.
        await (await PcscTransport.ConnectAsync(Rig.Options() with { ResetOnDispose = true }, ct)).DisposeAsync();
        PcscTransport transport = await PcscTransport.ConnectAsync(options, ct);
        try
        {
            Assert.That(transport.ActiveProtocol, Is.EqualTo(PcscProtocols.T0));
            int before = Rig.Card!.Apdus;
            var fuzz = new ApduFuzzOptions { Apdus = Apdus, Seed = Seed, ExpectedEid = PcscCard.Handler.Eid, ProblemsKept = 20 };
            ApduFuzzReport report = await ApduFuzzer.RunAsync(fuzz, (command, token) => transport.TransmitAsync(command, token),
                async token =>
                {
                    await transport.DisposeAsync();
                    transport = await PcscTransport.ConnectAsync(options with { CardWaitTimeout = TimeSpan.FromSeconds(5) }, token);
                }, ct);
            int reached = Rig.Card.Apdus - before;
            await TestContext.Out.WriteLineAsync($"{Apdus} mutated APDUs through '{Rig.Reader}' ({transport.ActiveProtocol}); the card answered {reached} APDUs");
            await TestContext.Out.WriteLineAsync(report.Format());

            Assert.Multiple(() =>
            {
                Assert.That(report.Sent, Is.EqualTo(Apdus));
                Assert.That(report.TransportErrors, Is.Zero, "transport errors");
                Assert.That(report.Answered, Is.EqualTo(Apdus), "answered with a status word");
                Assert.That(report.NoStatusWord, Is.Zero);
                Assert.That(report.Suspect, Is.Zero, "suspect status words");
                Assert.That(report.Liveness.Alive, Is.True, report.Liveness.Detail);
                Assert.That(reached, Is.GreaterThanOrEqualTo(Apdus), "every APDU reached the card through vpcd");
                Assert.That(report.Passed, Is.True);
            });
            Assert.That(report.Problems, Is.Empty, report.Format());
            Assert.That(report.StatusWords, Has.Count.GreaterThanOrEqualTo(8), "the subset reaches many paths of the card");
            Assert.That(report.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await transport.DisposeAsync();
        }
    }
}
