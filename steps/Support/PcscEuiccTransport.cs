using Conformance.Adapters.Apdu;
using Conformance.Adapters.Pcsc;

namespace Conformance.Steps.Support;

/// <summary>
/// <see cref="PcscTransport"/> for one scenario, saying what happened when an exchange fails because the card left the
/// reader: "The card was removed from reader 'X' during an APDU exchange: ..." with the PC/SC code in words. The slot then
/// remembers that the card is gone, so the next scenarios fail at once.
/// </summary>
internal sealed class PcscEuiccTransport(PcscTransport inner, PcscCardSlot slot) : IApduTransport
{
    /// <summary>PC/SC codes of an exchange that can mean the card has left the reader.</summary>
    private static readonly HashSet<long> CardLossCodes =
    [
        PcscErrors.RemovedCard, PcscErrors.NoSmartcard, PcscErrors.NotTransacted, PcscErrors.CommError,
        PcscErrors.ReaderUnavailable, PcscErrors.UnpoweredCard, PcscErrors.UnresponsiveCard, PcscErrors.ResetCard, PcscErrors.InvalidHandle,
    ];

    public string Reader => inner.ReaderName;

    public PcscProtocols Protocol => inner.ActiveProtocol;

    public byte[] Atr => inner.Atr;

    public string Description => inner.Description;

    public async Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
    {
        byte[] response;
        try
        {
            response = await inner.TransmitAsync(apdu, ct).ConfigureAwait(false);
        }
        catch (PcscException e) when (CardLossCodes.Contains(e.Code))
        {
            throw await ExplainAsync($"{e.Operation} failed with {PcscErrors.Describe(e.Code)}", e, "an APDU exchange", ct).ConfigureAwait(false) ?? (Exception)e;
        }

        // vpcd answers an APDU the card never answered (the card left meanwhile) with no bytes at all.
        if (response.Length < 2
            && await ExplainAsync($"SCardTransmit returned {response.Length} response bytes (no status word)", null, "an APDU exchange", ct).ConfigureAwait(false) is { } removed)
        {
            throw removed;
        }

        return response;
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        try
        {
            await inner.ResetAsync(ct).ConfigureAwait(false);
        }
        catch (PcscException e) when (CardLossCodes.Contains(e.Code))
        {
            throw await ExplainAsync($"{e.Operation} failed with {PcscErrors.Describe(e.Code)}", e, "a card reset", ct).ConfigureAwait(false) ?? (Exception)e;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>The removal, when the reader holds no card now (or PC/SC said so); null when the card is still there.</summary>
    private async Task<EuiccUnavailableException?> ExplainAsync(string what, PcscException? e, string during, CancellationToken ct)
    {
        bool missing = await slot.IsCardMissingAsync(Reader, ct).ConfigureAwait(false);
        if (missing)
        {
            slot.MarkCardGone();
        }
        else if (e?.Code != PcscErrors.RemovedCard)
        {
            return null;
        }

        return new EuiccUnavailableException(
            $"The card was removed from reader '{Reader}' during {during}: {what}, " +
            (missing ? $"and the reader now reports {PcscErrors.Describe(PcscErrors.NoSmartcard)}." : "and a card is in the reader again."), e);
    }
}
