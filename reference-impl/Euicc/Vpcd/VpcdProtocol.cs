using System.Buffers.Binary;

namespace Conformance.Euicc.Vpcd;

/// <summary>
/// The vpcd / virtual card protocol of vsmartcard (virtualsmartcard/doc/api.rst): every message
/// in either direction is a 2-byte big-endian length followed by that many bytes. A one-byte
/// message from vpcd is a control: '00' power off, '01' power on, '02' reset (none answered),
/// '04' get ATR (answered with the ATR). A longer message is a command APDU, answered with the
/// response APDU.
/// </summary>
public static class VpcdProtocol
{
    /// <summary>The vpcd default port (the first slot; the second slot listens on the next port).</summary>
    public const int DefaultPort = 35963;

    /// <summary>Largest payload the 2-byte length can carry.</summary>
    public const int MaxPayload = ushort.MaxValue;

    /// <summary>
    /// Reads one message. The wait for its first byte has no deadline (an idle reader sends
    /// nothing); once it has started, the rest must arrive within <paramref name="ioTimeout"/>.
    /// Returns null when the peer closed the connection between messages.
    /// </summary>
    public static async Task<byte[]?> ReadMessageAsync(Stream stream, TimeSpan ioTimeout, CancellationToken ct)
    {
        var header = new byte[2];
        int first = await stream.ReadAsync(header.AsMemory(0, 2), ct).ConfigureAwait(false);
        if (first == 0)
        {
            return null;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ioTimeout);
        try
        {
            if (first == 1)
            {
                await stream.ReadExactlyAsync(header.AsMemory(1, 1), deadline.Token).ConfigureAwait(false);
            }
            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            await stream.ReadExactlyAsync(payload, deadline.Token).ConfigureAwait(false);
            return payload;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"vpcd message incomplete after {ioTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Writes one message (length prefix and payload) within <paramref name="ioTimeout"/>.</summary>
    public static async Task WriteMessageAsync(Stream stream, ReadOnlyMemory<byte> payload, TimeSpan ioTimeout, CancellationToken ct)
    {
        if (payload.Length > MaxPayload)
        {
            throw new ArgumentException($"a vpcd message carries at most {MaxPayload} bytes, got {payload.Length}");
        }
        var frame = new byte[2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame.AsMemory(2));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ioTimeout);
        try
        {
            await stream.WriteAsync(frame, deadline.Token).ConfigureAwait(false);
            await stream.FlushAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"vpcd write not done after {ioTimeout.TotalSeconds:0.#} s");
        }
    }
}

/// <summary>The one-byte control messages of vpcd (virtualsmartcard/doc/api.rst).</summary>
public enum VpcdControl : byte
{
    PowerOff = 0x00,
    PowerOn = 0x01,
    Reset = 0x02,
    GetAtr = 0x04,
}
