using Conformance.Adapters.Isdr;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Testing.Pcsc;

namespace Conformance.Adapters.Tests.Pcsc;

/// <summary>
/// Through the real PC/SC stack: a private pcscd (scripts/pcsc.sh) with a vpcd reader, our emulator
/// attached as the virtual card (<see cref="PcscRig"/>), and <see cref="PcscTransport"/> as the
/// client. Ignored, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PcscEndToEndTests
{
    private PcscRig _rig = null!;
    private TestEs10Handler _handler = null!;

    private PcscOptions Options(TimeSpan? wait = null, PcscProtocols protocols = PcscProtocols.T0 | PcscProtocols.T1, bool exclusive = false) =>
        _rig.Options(wait) with { Protocols = protocols, Exclusive = exclusive };

    [OneTimeSetUp]
    public async Task StartPcscdAndTheVirtualCard()
    {
        _handler = new TestEs10Handler();
        _rig = await PcscRig.StartAsync(_handler, "conformance-pcsc");
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task ConnectsWithT0AndWithT1()
    {
        foreach (PcscProtocols protocol in new[] { PcscProtocols.T0, PcscProtocols.T1 })
        {
            await TestContext.Out.WriteLineAsync($"connecting with {protocol}");
            // Reset on release: pcsc-lite keeps the negotiated protocol while the card stays powered.
            await using PcscTransport transport = await PcscTransport.ConnectAsync(Options(protocols: protocol) with { ResetOnDispose = true }, CancellationToken.None);
            Assert.That(transport.ActiveProtocol, Is.EqualTo(protocol));
            Assert.That(transport.Atr, Is.EqualTo(Atr.Default.ToArray()));
            Assert.That(transport.ReaderName, Is.EqualTo(_rig.Reader));
        }
        await using PcscTransport either = await PcscTransport.ConnectAsync(Options(), CancellationToken.None);
        Assert.That(either.ActiveProtocol, Is.EqualTo(PcscProtocols.T0).Or.EqualTo(PcscProtocols.T1));
        await TestContext.Out.WriteLineAsync($"T=0|T=1 offered, pcscd chose {either.ActiveProtocol}");
    }

    [Test]
    [Order(2)]
    public async Task IsdrSessionThroughPcscdAndVpcd()
    {
        await using PcscTransport transport = await PcscTransport.ConnectAsync(Options(), CancellationToken.None);
        IReadOnlyList<string> readers = await PcscTransport.ListReadersAsync(Options(), CancellationToken.None);
        Assert.That(readers, Does.Contain(_rig.Reader));

        await using (IsdrSession session = await IsdrSession.OpenAsync(transport))
        {
            Assert.That(session.Channel, Is.EqualTo(1));
            byte[] eid = await session.TransmitEs10Async(TestEs10Handler.GetEuiccData, CancellationToken.None);
            Assert.That(eid, Is.EqualTo(TestEs10Handler.EidResponse));

            byte[] longResponse = await session.TransmitEs10Async(Convert.FromHexString("BF2D00"), CancellationToken.None);
            Assert.That(longResponse, Is.EqualTo(TestEs10Handler.LongResponse()), "700 bytes through 61xx / GET RESPONSE");

            byte[] command = [0xBF, 0x41, .. Enumerable.Range(0, 998).Select(i => (byte)i)];
            byte[] digest = await session.TransmitEs10Async(command, CancellationToken.None);
            Assert.That(digest, Is.EqualTo(new byte[] { 0xBF, 0x7F, 0x20 }.Concat(System.Security.Cryptography.SHA256.HashData(command)).ToArray()));
            Assert.That(_handler.Commands[^1], Is.EqualTo(command), "1000 bytes in 9 STORE DATA blocks of 120");
        }

        // Raw APDUs: channel bookkeeping and status words as the card gives them through pcscd.
        Assert.That(Convert.ToHexString(await transport.TransmitAsync(Convert.FromHexString("01A4040010A0000005591010FFFFFFFF8900000100"), CancellationToken.None)),
            Is.EqualTo("6881"), "the session closed channel 1");
        await transport.ResetAsync(CancellationToken.None);
        Assert.That(transport.Atr, Is.EqualTo(Atr.Default.ToArray()));
        Assert.That(Convert.ToHexString(await transport.TransmitAsync(Convert.FromHexString("80E2910003BF2000"), CancellationToken.None)),
            Is.EqualTo("6985"), "after reset nothing is selected");
    }

    [Test]
    [Order(3)]
    public async Task ReaderErrorsAreTyped()
    {
        var unknown = Options(wait: TimeSpan.FromSeconds(1)) with { Reader = PcscReaderSelector.Parse("no such reader") };
        var e = Assert.ThrowsAsync<PcscException>(() => PcscTransport.ConnectAsync(unknown, CancellationToken.None))!;
        Assert.That(e.Code, Is.EqualTo(PcscErrors.UnknownReader));
        Assert.That(e.Message, Does.Contain("no such reader").And.Contain(_rig.Reader));

        var emptySlot = Options(wait: TimeSpan.FromSeconds(1)) with { Reader = PcscReaderSelector.Parse(_rig.Reader.Replace("00 00", "00 01", StringComparison.Ordinal)) };
        e = Assert.ThrowsAsync<PcscException>(() => PcscTransport.ConnectAsync(emptySlot, CancellationToken.None))!;
        Assert.That(e.Code, Is.EqualTo(PcscErrors.NoSmartcard));
        Assert.That(e.Message, Does.Contain("no card in the reader"));

        await using PcscTransport exclusive = await PcscTransport.ConnectAsync(Options(exclusive: true), CancellationToken.None);
        e = Assert.ThrowsAsync<PcscException>(() => PcscTransport.ConnectAsync(Options(), CancellationToken.None))!;
        Assert.That(e.Code, Is.EqualTo(PcscErrors.SharingViolation));
        Assert.That(e.Message, Does.Contain("sharing violation").And.Contain(_rig.Reader));
    }

    [Test]
    [Order(4)]
    public async Task CardRemovalAndServiceStopAreTyped()
    {
        await using PcscTransport transport = await PcscTransport.ConnectAsync(Options(), CancellationToken.None);
        await _rig.RemoveCardAsync(); // the virtual card leaves the reader
        var e = Assert.ThrowsAsync<PcscException>(() => transport.TransmitAsync(Convert.FromHexString("0070000001"), CancellationToken.None))!;
        await TestContext.Out.WriteLineAsync("transmit after removal: " + e.Message);
        Assert.That(e.Code, Is.AnyOf(PcscErrors.RemovedCard, PcscErrors.ResetCard, PcscErrors.CommError, PcscErrors.NoSmartcard, PcscErrors.ReaderUnavailable, PcscErrors.NotTransacted));

        // pcscd polls card presence (every 400 ms in pcsc-lite): give it a few rounds to see the card gone.
        PcscException? gone = null;
        for (int attempt = 0; attempt < 10 && gone is null; attempt++)
        {
            try
            {
                await using PcscTransport stale = await PcscTransport.ConnectAsync(Options(wait: TimeSpan.FromSeconds(1)), CancellationToken.None);
                await Task.Delay(500);
            }
            catch (PcscException removed)
            {
                gone = removed;
            }
        }
        Assert.That(gone, Is.Not.Null, "pcscd never reported the card gone");
        Assert.That(gone!.Code, Is.EqualTo(PcscErrors.NoSmartcard));

        _rig.StopPcscd();
        e = Assert.ThrowsAsync<PcscException>(() => PcscTransport.ConnectAsync(Options(wait: TimeSpan.FromSeconds(1)), CancellationToken.None))!;
        Assert.That(e.Code, Is.EqualTo(PcscErrors.NoService));
        Assert.That(e.Message, Does.Contain("pcscd is not running"));
    }
}
