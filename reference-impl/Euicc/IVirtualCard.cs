namespace Conformance.Euicc;

/// <summary>
/// A card as a reader sees it: an ATR, power and reset, and APDU exchange. The vpcd client and
/// the in-process APDU transport drive the emulated eUICC through this.
/// </summary>
public interface IVirtualCard
{
    /// <summary>The Answer To Reset.</summary>
    byte[] Atr { get; }

    void PowerOn();

    void PowerOff();

    void Reset();

    /// <summary>Processes a command APDU; always returns a response ending in a status word.</summary>
    byte[] Transmit(ReadOnlySpan<byte> commandApdu);
}
