using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
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

    private async Task<string> ReadersAsync() =>
        string.Join(", ", (await PcscTransport.ListReadersAsync(Options(), CancellationToken.None)).Select(r => $"'{r}'"));
}
