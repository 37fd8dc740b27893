using Conformance.Adapters.Apdu;
using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Isdr;

/// <summary>
/// An LPA-side session with the ISD-R over any <see cref="IApduTransport"/> (SGP.22 v2.5 §5.7.2):
/// opens a logical channel, selects the ISD-R, sends each ES10 command as STORE DATA blocks,
/// fetches long responses with GET RESPONSE ('61xx') and re-issues a command with the right Le
/// on '6Cxx', and closes the channel.
/// </summary>
public sealed class IsdrSession : IAsyncDisposable
{
    private readonly IApduTransport _transport;
    private readonly IsdrSessionOptions _options;
    private bool _closed;

    private IsdrSession(IApduTransport transport, IsdrSessionOptions options, int channel)
    {
        _transport = transport;
        _options = options;
        Channel = channel;
    }

    /// <summary>The logical channel in use (0 when the basic channel is used).</summary>
    public int Channel { get; }

    /// <summary>Opens a logical channel (unless the basic channel is asked for) and selects the ISD-R on it.</summary>
    public static async Task<IsdrSession> OpenAsync(IApduTransport transport, IsdrSessionOptions? options = null, CancellationToken ct = default)
    {
        options ??= new IsdrSessionOptions();
        options.Validate();
        int channel = 0;
        if (!options.UseBasicChannel)
        {
            byte[] open = [0x00, 0x70, 0x00, 0x00, 0x01];
            byte[] data = await ExchangeExpectingSuccessAsync(transport, options, 0, open, "MANAGE CHANNEL open", ct).ConfigureAwait(false);
            if (data.Length != 1 || data[0] is 0 or > 19)
            {
                throw new ApduProtocolException($"MANAGE CHANNEL open on {transport.Description} answered {Convert.ToHexString(data)}, not one channel number 01..13");
            }
            channel = data[0];
        }
        var session = new IsdrSession(transport, options, channel);
        try
        {
            // SGP.22 v2.5 §5.7.2: SELECT by AID with no Le.
            byte[] select = [ClassByte.Iso(channel), 0xA4, 0x04, 0x00, (byte)options.IsdrAid.Length, .. options.IsdrAid];
            _ = await ExchangeExpectingSuccessAsync(transport, options, channel, select, "SELECT ISD-R", ct).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return session;
    }

    /// <summary>
    /// Sends one ES10 command (its DER, tag included) as STORE DATA blocks and returns the response DER.
    /// </summary>
    /// <exception cref="ApduStatusException">A block was answered with an error status word.</exception>
    public async Task<byte[]> TransmitEs10Async(ReadOnlyMemory<byte> command, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (command.IsEmpty)
        {
            throw new ArgumentException("an ES10 command is never empty", nameof(command));
        }
        int size = _options.SegmentSize;
        int blocks = (command.Length + size - 1) / size;
        if (blocks > 256)
        {
            throw new ArgumentException($"{command.Length} bytes need {blocks} STORE DATA blocks of {size}; P2 numbers at most 256");
        }
        byte[] response = [];
        for (int i = 0; i < blocks; i++)
        {
            bool last = i == blocks - 1;
            ReadOnlyMemory<byte> chunk = command.Slice(i * size, Math.Min(size, command.Length - i * size));
            var apdu = new List<byte>(6 + chunk.Length)
            {
                ClassByte.GlobalPlatform(Channel), 0xE2, (byte)(last ? 0x91 : 0x11), (byte)i, (byte)chunk.Length,
            };
            apdu.AddRange(chunk.ToArray());
            if (last && _options.LeOnLastBlock)
            {
                apdu.Add(0x00);
            }
            string step = $"STORE DATA block {i + 1} of {blocks}";
            response = await ExchangeExpectingSuccessAsync(_transport, _options, Channel, [.. apdu], step, ct).ConfigureAwait(false);
            if (!last && response.Length != 0)
            {
                throw new ApduProtocolException($"{step} on {_transport.Description} returned data before the last block");
            }
        }
        return response;
    }

    /// <summary>Closes the logical channel (nothing to do on the basic channel).</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        if (Channel != 0)
        {
            byte[] close = [0x00, 0x70, 0x80, (byte)Channel];
            _ = await ExchangeExpectingSuccessAsync(_transport, _options, 0, close, "MANAGE CHANNEL close", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the channel, ignoring a card that is already gone.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await CloseAsync(deadline.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // best effort: disposal must not hide the original failure
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    private static async Task<byte[]> ExchangeExpectingSuccessAsync(
        IApduTransport transport, IsdrSessionOptions options, int channel, byte[] apdu, string step, CancellationToken ct)
    {
        var (data, sw, last) = await ChainedExchange.RunAsync(transport, channel, apdu, options.MaxResponseLength, ct).ConfigureAwait(false);
        if (sw != StatusWords.NormalEnding)
        {
            throw new ApduStatusException(step, sw, last.Command, last.Response);
        }
        return data;
    }
}
