using System.Net;
using System.Net.Sockets;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Vpcd;

namespace Conformance.Euicc.Tests.Vpcd;

/// <summary>
/// The vpcd protocol against a loopback peer playing vpcd, written from vsmartcard's
/// virtualsmartcard/doc/api.rst: 2-byte big-endian length then payload; one-byte controls
/// 00 power off, 01 power on, 02 reset (no answer), 04 get ATR (answered); longer = APDU.
/// </summary>
public class VpcdClientTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private sealed class FakeVpcd : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public FakeVpcd() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<NetworkStream> AcceptAsync()
        {
            using var cts = new CancellationTokenSource(Deadline);
            Socket s = await _listener.AcceptSocketAsync(cts.Token);
            return new NetworkStream(s, ownsSocket: true);
        }

        public void Dispose() => _listener.Dispose();
    }

    private static async Task Send(Stream s, string hex)
    {
        byte[] payload = Hex.Bytes(hex);
        await s.WriteAsync(new[] { (byte)(payload.Length >> 8), (byte)payload.Length }.Concat(payload).ToArray());
    }

    private static async Task<string> Receive(Stream s)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var header = new byte[2];
        await s.ReadExactlyAsync(header, cts.Token);
        var payload = new byte[(header[0] << 8) | header[1]];
        await s.ReadExactlyAsync(payload, cts.Token);
        return Hex.Of(payload);
    }

    private static VpcdOptions Options(int port) => new()
    {
        Port = port,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        IoTimeout = TimeSpan.FromSeconds(5),
    };

    [Test]
    public async Task AnswersControlsAndApdus()
    {
        using var vpcd = new FakeVpcd();
        var handler = new RecordingHandler();
        var card = new IsdrFrontEnd(handler);
        var client = new VpcdClient(card, Options(vpcd.Port));
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);
        await using NetworkStream s = await vpcd.AcceptAsync();

        await Send(s, "04");
        Assert.That(await Receive(s), Is.EqualTo(Hex.Of(Atr.Default.ToArray())));
        await Send(s, "01"); // power on: no answer
        await Send(s, "0070000001");
        Assert.That(await Receive(s), Is.EqualTo("019000"), "the next message answers the APDU, not the power-on");
        await Send(s, "02"); // reset: channels closed, no answer
        await Send(s, "01A4040010A0000005591010FFFFFFFF8900000100");
        Assert.That(await Receive(s), Is.EqualTo("6881"));
        int resets = handler.Resets;
        await Send(s, "00"); // power off
        await Send(s, "04");
        Assert.That(await Receive(s), Has.Length.EqualTo(32));
        Assert.That(handler.Resets, Is.GreaterThan(resets));

        await stop.CancelAsync();
        await Assert.ThatAsync(async () => await run.WaitAsync(Deadline), Throws.Nothing, "cancellation ends the client cleanly");
    }

    [Test]
    public async Task AMessageSplitAcrossTcpSegmentsIsReassembled()
    {
        using var vpcd = new FakeVpcd();
        var client = new VpcdClient(new IsdrFrontEnd(new RecordingHandler()), Options(vpcd.Port));
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);
        await using NetworkStream s = await vpcd.AcceptAsync();
        byte[] frame = Hex.Bytes("00050070000001");
        foreach (byte b in frame)
        {
            await s.WriteAsync(new[] { b });
            await s.FlushAsync();
            await Task.Delay(5);
        }
        Assert.That(await Receive(s), Is.EqualTo("019000"));
        await stop.CancelAsync();
        await run.WaitAsync(Deadline);
    }

    [Test]
    public async Task ReconnectsWhenVpcdGoesAwayAndTheCardIsPoweredOff()
    {
        using var vpcd = new FakeVpcd();
        var handler = new RecordingHandler();
        var client = new VpcdClient(new IsdrFrontEnd(handler), Options(vpcd.Port));
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);
        await using (NetworkStream first = await vpcd.AcceptAsync())
        {
            await Send(first, "0070000001");
            Assert.That(await Receive(first), Is.EqualTo("019000"));
        } // pcscd "restarts": the connection drops
        await using NetworkStream second = await vpcd.AcceptAsync();
        await Send(second, "0070000001");
        Assert.That(await Receive(second), Is.EqualTo("019000"), "channel 1 free again: the card was powered off");
        // Counted once the client serves the second connection (the accept above can complete first).
        Assert.That(client.Connections, Is.EqualTo(2));
        await stop.CancelAsync();
        await run.WaitAsync(Deadline);
    }

    [Test]
    public async Task RetriesUntilVpcdListens()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var messages = new List<string>();
        var client = new VpcdClient(new IsdrFrontEnd(new RecordingHandler()), Options(port), m => { lock (messages) { messages.Add(m); } });
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);
        await Task.Delay(300);
        Assert.That(client.Connections, Is.Zero);
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            using var cts = new CancellationTokenSource(Deadline);
            using Socket s = await listener.AcceptSocketAsync(cts.Token);
            Assert.That(messages.Any(m => m.Contains("retrying", StringComparison.Ordinal)), Is.True);
        }
        finally
        {
            listener.Stop();
        }
        await stop.CancelAsync();
        await run.WaitAsync(Deadline);
    }

    [TestCase("127.0.0.1:35963", "127.0.0.1", 35963)]
    [TestCase("localhost:40000", "localhost", 40000)]
    [TestCase("127.0.0.1", "127.0.0.1", 35963)]
    [TestCase("[::1]:35964", "::1", 35964)]
    [TestCase("::1", "::1", 35963)]
    public void ParsesEndpoints(string text, string host, int port)
    {
        VpcdOptions o = VpcdOptions.Parse(text);
        Assert.That((o.Host, o.Port), Is.EqualTo((host, port)));
    }

    [TestCase("127.0.0.1:0")]
    [TestCase("127.0.0.1:70000")]
    [TestCase("127.0.0.1:x")]
    [TestCase(":35963")]
    [TestCase("[::1]x")]
    public void RejectsBadEndpoints(string text) => Assert.Throws<FormatException>(() => VpcdOptions.Parse(text));
}
