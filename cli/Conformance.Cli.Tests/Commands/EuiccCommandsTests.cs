using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Conformance.Cli.Commands;

namespace Conformance.Cli.Tests.Commands;

public class EuiccCommandsTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "cli-euicc-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static RootCommand Root()
    {
        var root = new RootCommand();
        root.Subcommands.Add(EuiccCommands.Create());
        return root;
    }

    [Test]
    public async Task BadEndpointIsAUserError()
    {
        int exit = await Root().Parse(["euicc", "serve", "--vpcd", "host:70000", "--state", _dir]).InvokeAsync();
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public async Task MissingPkiDirectoryIsAUserError()
    {
        int exit = await Root().Parse(["euicc", "serve", "--state", _dir, "--pki", Path.Combine(_dir, "nope")]).InvokeAsync();
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public async Task ServesAVpcdPeerUntilCancelledAndKeepsState()
    {
        await using var vpcd = await FakeVpcd.ServeAsync(_dir);
        var (serve, stream, stop, acceptDeadline) = (vpcd.Serve, vpcd.Stream, vpcd.Stop, vpcd.Deadline);
        await stream.WriteAsync(new byte[] { 0x00, 0x05, 0x00, 0x70, 0x00, 0x00, 0x01 });
        var answer = new byte[5];
        await stream.ReadExactlyAsync(answer, acceptDeadline);
        Assert.That(Convert.ToHexString(answer), Is.EqualTo("0003019000"), "MANAGE CHANNEL answered through the vpcd protocol");
        // The real ES10 handler behind it: SELECT the ISD-R on channel 1, then GetEID.
        await stream.WriteAsync(Convert.FromHexString("001501A4040010A0000005591010FFFFFFFF8900000100"));
        await stream.ReadExactlyAsync(answer.AsMemory(0, 4), acceptDeadline);
        Assert.That(Convert.ToHexString(answer.AsSpan(0, 4)), Is.EqualTo("00029000"));
        await stream.WriteAsync(Convert.FromHexString("000C81E2910006BF3E035C015A00"));
        var eid = new byte[2 + 23];
        await stream.ReadExactlyAsync(eid, acceptDeadline);
        Assert.That(Convert.ToHexString(eid), Is.EqualTo("0017BF3E125A10" + "89049032123451234512345678901235" + "9000"), "the EID of the generated test PKI");
        await stop.CancelAsync();
        Assert.That(await serve.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_dir, "state.json")), Does.Contain("\"Starts\": 1"));
        Assert.That(File.Exists(Path.Combine(_dir, "card", "state.json")), "the card state");
        Assert.That(Directory.Exists(Path.Combine(_dir, "pki", "eUICC")), "the generated PKI, SGP.26 layout");
    }

    [Test]
    public async Task ANegativeUnplugCountIsAUserError()
    {
        int exit = await Root().Parse(["euicc", "serve", "--state", _dir, "--unplug-after-apdus", "-1"]).InvokeAsync();
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public async Task UnplugAfterApdusLeavesTheReaderWhileTheNextApduIsInFlight()
    {
        await using var vpcd = await FakeVpcd.ServeAsync(_dir, "--unplug-after-apdus", "1");
        var (serve, stream, stop, deadline) = (vpcd.Serve, vpcd.Stream, vpcd.Stop, vpcd.Deadline);
        // vpcd's GET ATR control is not an APDU: it does not count.
        await stream.WriteAsync(new byte[] { 0x00, 0x01, 0x04 });
        var length = new byte[2];
        await stream.ReadExactlyAsync(length, deadline);
        await stream.ReadExactlyAsync(new byte[(length[0] << 8) | length[1]], deadline);
        await stream.WriteAsync(new byte[] { 0x00, 0x05, 0x00, 0x70, 0x00, 0x00, 0x01 });
        var answer = new byte[5];
        await stream.ReadExactlyAsync(answer, deadline);
        Assert.That(Convert.ToHexString(answer), Is.EqualTo("0003019000"), "the one APDU before the pull is answered");
        await stream.WriteAsync(new byte[] { 0x00, 0x05, 0x00, 0x70, 0x00, 0x00, 0x01 });
        Assert.That(await stream.ReadAsync(answer, deadline), Is.Zero, "the second APDU gets no answer: the connection closes");
        Assert.That(serve.IsCompleted, Is.False, "the emulator keeps running with the card out, until stopped");
        await stop.CancelAsync();
        Assert.That(await serve.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
    }

    /// <summary>A TCP listener standing in for vpcd, with <c>euicc serve</c> connected to it.</summary>
    private sealed class FakeVpcd : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));
        private Socket? _peer;

        private FakeVpcd(TcpListener listener) => _listener = listener;

        public Task<int> Serve { get; private set; } = Task.FromResult(0);

        public NetworkStream Stream { get; private set; } = null!;

        public CancellationTokenSource Stop => _stop;

        public CancellationToken Deadline => _deadline.Token;

        public static async Task<FakeVpcd> ServeAsync(string stateDirectory, params string[] options)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var fake = new FakeVpcd(listener);
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            fake.Serve = Root().Parse(["euicc", "serve", "--vpcd", $"127.0.0.1:{port}", "--state", stateDirectory, .. options])
                .InvokeAsync(cancellationToken: fake._stop.Token);
            fake._peer = await listener.AcceptSocketAsync(fake.Deadline);
            fake.Stream = new NetworkStream(fake._peer);
            return fake;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (Stream is not null)
            {
                await Stream.DisposeAsync();
            }
            _peer?.Dispose();
            _listener.Dispose();
            _stop.Dispose();
            _deadline.Dispose();
        }
    }
}
