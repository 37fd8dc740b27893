using System.Runtime.CompilerServices;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Es10;

namespace Conformance.Steps.Support;

/// <summary>
/// The eUICC in a PC/SC reader (SGP.23 §4.2 test set-up with a real card, or the emulator attached to pcsc-lite as a
/// virtual card): one connection per scenario through <see cref="PcscTransport"/>, so every ES10 byte crosses pcscd.
/// The card keeps its state between scenarios (<see cref="InProcess"/> is null). Which reader, the protocols and the
/// deadlines come from the run's configuration (<see cref="PcscCardSlot.OptionsFor"/>); a missing service, reader or
/// card is an <see cref="EuiccUnavailableException"/> with one sentence, and once the card is gone later scenarios fail
/// at once instead of waiting for it again.
/// </summary>
public sealed class PcscEuiccUnderTest : IEuiccUnderTest
{
    private static readonly ConditionalWeakTable<HarnessRun, PcscCardSlot> Slots = [];

    private readonly PcscEuiccTransport _transport;

    private PcscEuiccUnderTest(PcscEuiccTransport transport) => _transport = transport;

    public string Description => _transport.Description;

    public IApduTransport Transport => _transport;

    /// <summary>Always null: the card is outside this process.</summary>
    public Es10Handler? InProcess => null;

    /// <summary>The reader in use, as pcscd names it.</summary>
    public string Reader => _transport.Reader;

    /// <summary>The protocol the reader and card agreed on (T=0 or T=1).</summary>
    public PcscProtocols Protocol => _transport.Protocol;

    /// <summary>The card of the run's PC/SC reader for one scenario; the caller disposes it at the end of the scenario.</summary>
    /// <exception cref="EuiccUnavailableException">No PC/SC service, no such reader, no card, sharing violation.</exception>
    public static PcscEuiccUnderTest Open(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Bounded: every PC/SC call in the connect has its own deadline (PcscOptions).
        return OpenAsync(SlotOf(run), CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The run's reader slot (one per run: it remembers a card that has gone).</summary>
    public static PcscCardSlot SlotOf(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Slots.GetValue(run, r => new PcscCardSlot(PcscCardSlot.OptionsFor(r.Config)));
    }

    /// <summary>Connects to the card of <paramref name="slot"/>.</summary>
    /// <exception cref="EuiccUnavailableException">No PC/SC service, no such reader, no card, sharing violation.</exception>
    public static async Task<PcscEuiccUnderTest> OpenAsync(PcscCardSlot slot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slot);
        PcscTransport transport = await slot.ConnectAsync(ct).ConfigureAwait(false);
        return new PcscEuiccUnderTest(new PcscEuiccTransport(transport, slot));
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}

/// <summary>The eUICC cannot be reached through PC/SC; the message is one sentence naming the reader and the PC/SC code in words.</summary>
public sealed class EuiccUnavailableException(string message, PcscException? inner = null) : Exception(message, inner)
{
    /// <summary>The PC/SC code behind it (see <see cref="PcscErrors"/>), or 0.</summary>
    public long Code => (InnerException as PcscException)?.Code ?? 0;
}
