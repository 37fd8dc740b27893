using System.Net.Sockets;

namespace Conformance.Euicc.Vpcd;

/// <summary>
/// The virtual card side of vsmartcard's vpcd reader driver: connects to vpcd (which pcscd loads
/// and which listens on TCP), answers its control messages and APDUs with an <see cref="IVirtualCard"/>,
/// and reconnects with a growing back-off when pcscd restarts. Losing the connection is a card
/// removal: the card is powered off. Cancellation ends <see cref="RunAsync"/> normally.
/// </summary>
public sealed class VpcdClient(IVirtualCard card, VpcdOptions options, Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    /// <summary>Number of connections made so far (a reconnect after a pcscd restart counts again).</summary>
    public int Connections => Volatile.Read(ref _connections);

    private int _connections;
    private int _apdus;

    /// <summary>Number of APDUs answered so far (all connections).</summary>
    public int Apdus => Volatile.Read(ref _apdus);

    /// <summary>True once the card has been pulled (<see cref="VpcdOptions.UnplugAfterApdus"/>).</summary>
    public bool Unplugged { get; private set; }

    /// <summary>Serves vpcd until <paramref name="ct"/> is cancelled; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        TimeSpan delay = options.ReconnectInitialDelay;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var tcp = new TcpClient { NoDelay = true };
                await ConnectAsync(tcp, ct).ConfigureAwait(false);
                Interlocked.Increment(ref _connections);
                delay = options.ReconnectInitialDelay;
                _log($"connected to vpcd at {options.Host}:{options.Port}");
                await ServeAsync(tcp.GetStream(), ct, () => QuickAck(tcp.Client)).ConfigureAwait(false);
                if (Unplugged)
                {
                    tcp.Close();
                    card.PowerOff();
                    _log($"card pulled from the reader after {Apdus} APDUs (--unplug-after-apdus); it stays out");
                    await WaitForCancellationAsync(ct).ConfigureAwait(false);
                    break;
                }
                _log("vpcd closed the connection");
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException)
            {
                _log($"vpcd at {options.Host}:{options.Port}: {e.Message}; retrying in {delay.TotalMilliseconds:0} ms");
            }
            card.PowerOff(); // no reader, no power
            try
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
        }
        card.PowerOff();
    }

    /// <summary>
    /// Linux TCP_QUICKACK (not sticky, hence before every read): vpcd sends a message's length and its bytes in two
    /// writes, and without an immediate ACK of the first, Nagle on vpcd's side and delayed ACK on ours cost ~40 ms per APDU.
    /// </summary>
    private static void QuickAck(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            const int IpProtoTcp = 6, TcpQuickAck = 12;
            try
            {
                socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, BitConverter.GetBytes(1));
            }
            catch (SocketException)
            {
                // only an optimisation
            }
        }
    }

    private static async Task WaitForCancellationAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // cancelled: the client ends
        }
    }

    private async Task ConnectAsync(TcpClient tcp, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.ConnectTimeout);
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"connect timed out after {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Answers messages on one connection until the peer closes it.</summary>
    internal async Task ServeAsync(Stream stream, CancellationToken ct, Action? beforeRead = null)
    {
        while (true)
        {
            beforeRead?.Invoke();
            byte[]? message = await VpcdProtocol.ReadMessageAsync(stream, options.IoTimeout, ct).ConfigureAwait(false);
            if (message is null)
            {
                return;
            }
            if (message.Length > 1 && options.UnplugAfterApdus is int limit && Apdus >= limit)
            {
                Unplugged = true; // pulled while this APDU is in flight: no answer
                return;
            }
            byte[]? answer = Answer(message);
            if (answer is not null)
            {
                await VpcdProtocol.WriteMessageAsync(stream, answer, options.IoTimeout, ct).ConfigureAwait(false);
            }
        }
    }

    private byte[]? Answer(byte[] message)
    {
        if (message.Length == 0)
        {
            return null;
        }
        if (message.Length > 1)
        {
            byte[] response = card.Transmit(message);
            Interlocked.Increment(ref _apdus);
            return response;
        }
        switch ((VpcdControl)message[0])
        {
            case VpcdControl.PowerOff:
                card.PowerOff();
                return null;
            case VpcdControl.PowerOn:
                card.PowerOn();
                return null;
            case VpcdControl.Reset:
                card.Reset();
                return null;
            case VpcdControl.GetAtr:
                return card.Atr;
            default:
                _log($"unknown vpcd control byte {message[0]:X2} ignored");
                return null;
        }
    }
}
