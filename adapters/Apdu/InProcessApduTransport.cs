using Conformance.Euicc;

namespace Conformance.Adapters.Apdu;

/// <summary>An <see cref="IApduTransport"/> straight into a card emulated in this process (no reader).</summary>
public sealed class InProcessApduTransport : IApduTransport
{
    private readonly IVirtualCard _card;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Powers the card on and wraps it.</summary>
    public InProcessApduTransport(IVirtualCard card)
    {
        _card = card;
        _card.PowerOn();
    }

    public byte[] Atr => _card.Atr;

    public string Description => "in-process emulated eUICC";

    public async Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _card.Transmit(apdu);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _card.Reset();
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _card.PowerOff();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
