using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Vpcd;
using Conformance.Steps.Support;
using Conformance.Testing.Pcsc;

namespace Conformance.Steps.Tests;

/// <summary>
/// <see cref="PcscEuiccUnderTest"/> through the real PC/SC stack: a private pcscd with a vpcd reader (scripts/pcsc.sh,
/// <see cref="PcscRig"/>) and the emulated eUICC attached as the virtual card. One pcscd for the whole fixture
/// (libpcsclite reads its socket once per process). Ignored, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PcscEuiccUnderTestTests
{
    private static readonly EuiccIdentity Identity = EuiccIdentity.Generate();

    private PcscRig _rig = null!;

    private PcscOptions Options(string? reader = null) =>
        PcscCardSlot.OptionsFor(new TargetConfig { Euicc = new EuiccTarget(false, reader) }) with { SocketPath = _rig.Socket };

    [OneTimeSetUp]
    public async Task StartPcscdAndTheVirtualCard() => _rig = await PcscRig.StartAsync(new Es10Handler(Identity), "conformance-pcsc-euicc");

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }

    /// <summary>A scenario's use of the card: open it, open the ISD-R, four ES10 functions, close.</summary>
    private static async Task ScenarioAsync(IApduTransport card, IExchangeRecorder? recorder = null)
    {
        Es10Client es10 = await Es10Client.OpenAsync(card, recorder ?? NullExchangeRecorder.Instance, new TargetConfig().Isdr);
        await using (es10.Session)
        {
            await es10.GetEidAsync();
            await es10.GetEuiccInfo1Async();
            await es10.GetEuiccChallengeAsync();
            await es10.GetProfilesInfoAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task TheFirstReaderWithACardByNameAndByIndexCarriesEs10()
    {
        foreach (string? reader in new[] { null, _rig.Reader, "0" })
        {
            await using PcscEuiccUnderTest euicc = await PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(Options(reader)), CancellationToken.None);
            Assert.That(euicc.Reader, Is.EqualTo(_rig.Reader), $"selector {reader ?? "(first with a card)"}");
            Assert.That(euicc.InProcess, Is.Null);
            Assert.That(euicc.Description, Does.Contain(_rig.Reader));
            Assert.That(euicc.Transport.Atr, Is.EqualTo(Atr.Default.ToArray()));
            Es10Client es10 = await Es10Client.OpenAsync(euicc.Transport, NullExchangeRecorder.Instance);
            await using (es10.Session)
            {
                var eid = await es10.GetEidAsync();
                Assert.That(Convert.ToHexString(eid.Value.EidValue), Is.EqualTo(Identity.Eid));
            }
        }
    }

    [Test]
    [Order(2)]
    public async Task TheEnvironmentShowsTheReaderTheAtrAndTheProtocol()
    {
        IReadOnlyDictionary<string, string> env = await PcscRunHooks.EnvironmentOfAsync(new PcscCardSlot(Options() with { Protocols = PcscProtocols.T1, ResetOnDispose = true }));
        Assert.That(env["eUICC reader"], Is.EqualTo(_rig.Reader));
        Assert.That(env["eUICC ATR"], Is.EqualTo(Convert.ToHexString(Atr.Default.ToArray())));
        Assert.That(env["eUICC protocol"], Is.EqualTo("T=1"));
    }

    [Test]
    [Order(3)]
    public async Task AnUnknownReaderFailsInOneSentenceListingTheReaders()
    {
        var slot = new PcscCardSlot(Options("No Such Reader") with { CardWaitTimeout = TimeSpan.Zero });
        var e = Assert.ThrowsAsync<EuiccUnavailableException>(() => PcscEuiccUnderTest.OpenAsync(slot, CancellationToken.None))!;
        Assert.That(e.Message, Is.EqualTo($"PC/SC reader 'No Such Reader' is unknown (no such reader (SCARD_E_UNKNOWN_READER 0x80100009)); readers: {await ReadersAsync()}."));
        IReadOnlyDictionary<string, string> env = await PcscRunHooks.EnvironmentOfAsync(slot);
        Assert.That(env["eUICC reader"], Is.EqualTo(e.Message), "the environment says why there is no card");
    }

    [Test]
    [Order(4)]
    public async Task ASharingViolationIsNamed()
    {
        await using PcscTransport holder = await PcscTransport.ConnectAsync(Options() with { Exclusive = true }, CancellationToken.None);
        var e = Assert.ThrowsAsync<EuiccUnavailableException>(() => PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(Options()), CancellationToken.None))!;
        Assert.That(e.Message, Is.EqualTo($"The card in reader '{_rig.Reader}' is held by another application (sharing violation: another application holds the card (SCARD_E_SHARING_VIOLATION 0x8010000B))."));
    }

    /// <summary>pcsc:NAME with a NAME both slots of vpcd carry ("... 00 00" holds the card, "... 00 01" is empty): the slot with the card.</summary>
    [Test]
    [Order(5)]
    public async Task ANameMatchingBothVpcdSlotsUsesTheOneHoldingTheCard()
    {
        (string name, string slot0, string slot1) = Slots();
        Assert.That(await ReadersAsync(), Does.Contain($"'{slot1}'"), "vpcd shows two slots");
        await using PcscEuiccUnderTest euicc = await PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(Options(name)), CancellationToken.None);
        Assert.That(euicc.Reader, Is.EqualTo(slot0));
    }

    /// <summary>A card in each slot: no guess; one sentence naming both readers.</summary>
    [Test]
    [Order(6)]
    public async Task ANameMatchingTwoReadersThatBothHoldACardFailsInOneSentenceNamingThem()
    {
        (string name, string slot0, string slot1) = Slots();
        using var stop = new CancellationTokenSource();
        var second = new VpcdClient(new IsdrFrontEnd(new Es10Handler(Identity)), new VpcdOptions { Port = _rig.VpcdPort + 1 },
            m => TestContext.Progress.WriteLine("vpcd slot 1: " + m));
        Task running = second.RunAsync(stop.Token);
        try
        {
            await WaitForCardAsync(slot1, present: true);
            var e = Assert.ThrowsAsync<EuiccUnavailableException>(() => PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(Options(name)), CancellationToken.None))!;
            Assert.That(e.Message, Is.EqualTo($"PC/SC reader '{name}' is ambiguous: '{slot0}' and '{slot1}' both hold a card; "
                + "name one of them in full (pcsc:NAME) or by its index (pcsc:INDEX)."));
            await using PcscEuiccUnderTest byName = await PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(Options(slot1)), CancellationToken.None);
            Assert.That(byName.Reader, Is.EqualTo(slot1), "the full name still picks one");
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
            await WaitForCardAsync(slot1, present: false);
        }
    }

    /// <summary>No card in either slot: one sentence naming both readers.</summary>
    [Test]
    [Order(7)]
    public async Task ANameMatchingTwoReadersWithoutACardFailsInOneSentenceNamingThem()
    {
        (string name, string slot0, string slot1) = Slots();
        await _rig.RemoveCardAsync();
        await _rig.WaitUntilNoCardAsync();
        try
        {
            var slot = new PcscCardSlot(Options(name) with { CardWaitTimeout = TimeSpan.Zero });
            var e = Assert.ThrowsAsync<EuiccUnavailableException>(() => PcscEuiccUnderTest.OpenAsync(slot, CancellationToken.None))!;
            Assert.That(e.Message, Is.EqualTo($"No card in any of the readers matching '{name}' ('{slot0}' and '{slot1}') after 0 s "
                + "(no card in the reader (SCARD_E_NO_SMARTCARD 0x8010000C))."));
        }
        finally
        {
            _rig.InsertCard(new Es10Handler(Identity));
            await WaitForCardAsync(slot0, present: true);
        }
    }

    /// <summary>
    /// SGP.23 runs many scenarios on one card; here the card is pulled while the second "scenario" is in flight
    /// (euicc serve --unplug-after-apdus, the same knob in VpcdOptions). That scenario fails naming the removal, the
    /// reader and the PC/SC code; every later one fails at once with "No card in reader ..." (no second wait); every
    /// scenario has a result.
    /// </summary>
    [Test]
    [Order(10)]
    public async Task PullingTheCardMidScenarioFailsThatScenarioAndTheRestFast()
    {
        // APDUs of one scenario, counted on the same emulator in-process.
        var recorder = new ExchangeRecorder();
        await using (var inProcess = new InProcessApduTransport(new IsdrFrontEnd(new Es10Handler(Identity))))
        {
            await ScenarioAsync(inProcess, recorder);
        }
        int perScenario = recorder.Exchanges.Count(e => e.Kind == ExchangeKind.Apdu);
        Assert.That(perScenario, Is.GreaterThan(6));

        await _rig.RemoveCardAsync();
        await _rig.WaitUntilNoCardAsync();
        _rig.InsertCard(new Es10Handler(Identity), unplugAfterApdus: perScenario + 3);
        var slot = new PcscCardSlot(Options(_rig.Reader));
        var results = new List<(int Scenario, string Outcome)>();
        for (int scenario = 1; scenario <= 4; scenario++)
        {
            try
            {
                await using PcscEuiccUnderTest euicc = await PcscEuiccUnderTest.OpenAsync(slot, CancellationToken.None);
                await ScenarioAsync(euicc.Transport);
                results.Add((scenario, "passed"));
            }
            catch (Exception e) when (e is EuiccUnavailableException or PcscException or Es10Exception)
            {
                results.Add((scenario, e.Message));
            }
        }

        foreach (var (scenario, outcome) in results)
        {
            await TestContext.Out.WriteLineAsync($"scenario {scenario}: {outcome}");
        }
        Assert.That(results, Has.Count.EqualTo(4), "a result for every scenario");
        Assert.That(results[0].Outcome, Is.EqualTo("passed"));
        // vpcd answers the APDU in flight with no bytes; a reader with a real card says SCARD_W_REMOVED_CARD or similar.
        Assert.That(results[1].Outcome, Does.StartWith($"The card was removed from reader '{_rig.Reader}' during an APDU exchange: SCardTransmit ")
            .And.EndWith(", and the reader now reports no card in the reader (SCARD_E_NO_SMARTCARD 0x8010000C)."));
        Assert.That(_rig.Card!.Unplugged, Is.True);
        Assert.That(_rig.Card.Apdus, Is.EqualTo(perScenario + 3), "the card answered exactly the APDUs before the pull");
        Assert.That(slot.CardGone, Is.True);
        foreach (var (_, outcome) in results.Skip(2))
        {
            Assert.That(outcome, Is.EqualTo($"No card in reader '{_rig.Reader}' after 0 s (no card in the reader (SCARD_E_NO_SMARTCARD 0x8010000C))."),
                "later scenarios look once (no wait for the card) and fail");
        }
    }

    /// <summary>The name both vpcd slots carry, and the two readers: "Conformance vpcd", "... 00 00", "... 00 01".</summary>
    private (string Name, string Slot0, string Slot1) Slots()
    {
        Assert.That(_rig.Reader, Does.EndWith(" 00 00"));
        string name = _rig.Reader[..^" 00 00".Length];
        return (name, _rig.Reader, name + " 00 01");
    }

    /// <summary>Waits (at most 20 s) until pcscd reports a card in <paramref name="reader"/>, or none.</summary>
    private async Task WaitForCardAsync(string reader, bool present)
    {
        DateTime until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            bool found;
            try
            {
                await using PcscTransport card = await PcscTransport.ConnectAsync(Options(reader) with { CardWaitTimeout = TimeSpan.Zero }, CancellationToken.None);
                found = true;
            }
            catch (PcscException e) when (e.Code == PcscErrors.NoSmartcard)
            {
                found = false;
            }
            if (found == present)
            {
                return;
            }
            Assert.That(DateTime.UtcNow, Is.LessThan(until), $"pcscd does not report {(present ? "a" : "no")} card in '{reader}' within 20 s");
            await Task.Delay(200);
        }
    }

    private async Task<string> ReadersAsync() =>
        string.Join(", ", (await PcscTransport.ListReadersAsync(Options(), CancellationToken.None)).Select(r => $"'{r}'"));
}
