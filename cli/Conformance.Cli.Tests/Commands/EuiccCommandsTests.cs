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
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        Task<int> serve = Root().Parse(["euicc", "serve", "--vpcd", $"127.0.0.1:{port}", "--state", _dir])
            .InvokeAsync(cancellationToken: stop.Token);
        using var acceptDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using Socket peer = await listener.AcceptSocketAsync(acceptDeadline.Token);
        await using var stream = new NetworkStream(peer);
        await stream.WriteAsync(new byte[] { 0x00, 0x05, 0x00, 0x70, 0x00, 0x00, 0x01 });
        var answer = new byte[5];
        await stream.ReadExactlyAsync(answer, acceptDeadline.Token);
        Assert.That(Convert.ToHexString(answer), Is.EqualTo("0003019000"), "MANAGE CHANNEL answered through the vpcd protocol");
        await stop.CancelAsync();
        Assert.That(await serve.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_dir, "state.json")), Does.Contain("\"Starts\": 1"));
    }
}
