namespace Conformance.Adapters.Apdu;

/// <summary>
/// The one seam between ES10 clients and a card: send a command APDU, get the response APDU
/// (data then SW1 SW2). Implementations: <see cref="InProcessApduTransport"/> (the emulated eUICC in
/// this process) and <see cref="Pcsc.PcscTransport"/> (a reader through pcsc-lite).
/// Exchanges are sequential; a transport serialises concurrent callers.
/// </summary>
public interface IApduTransport : IAsyncDisposable
{
    /// <summary>The card's Answer To Reset.</summary>
    byte[] Atr { get; }

    /// <summary>Who is at the other end, for messages ("PC/SC reader 'X'", "in-process emulated eUICC").</summary>
    string Description { get; }

    /// <summary>Sends one command APDU and returns the response APDU, status word included.</summary>
    Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct);

    /// <summary>Resets the card: logical channels close and session state is lost.</summary>
    Task ResetAsync(CancellationToken ct);
}
