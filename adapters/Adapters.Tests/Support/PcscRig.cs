using System.Diagnostics;
using System.Globalization;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Vpcd;

namespace Conformance.Testing.Pcsc;

/// <summary>
/// The real PC/SC stack for a test fixture: a private pcscd with a vpcd reader started through
/// scripts/pcsc.sh, and an emulated card (an <see cref="IEs10Handler"/> behind the ISD-R front end)
/// attached to it by <see cref="VpcdClient"/>. Ignores the fixture, with the reason, only when
/// pcscd / vpcd cannot be installed. One source file, linked into each test project that needs it.
/// </summary>
internal sealed class PcscRig : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    private readonly string _script;
    private readonly string _dir;
    private int _pcscdPid;
    private int _port;
    private CancellationTokenSource? _cardStop;
    private Task? _card;

    private PcscRig(string script, string dir)
    {
        _script = script;
        _dir = dir;
    }

    /// <summary>The virtual card now attached (or last attached) to vpcd.</summary>
    public VpcdClient? Card { get; private set; }

    /// <summary>The vpcd reader's name, as pcscd lists it.</summary>
    public string Reader { get; private set; } = "";

    /// <summary>Where vpcd listens for the card of its first slot (<see cref="Reader"/>); its second slot ("... 00 01") listens on the next port.</summary>
    public int VpcdPort => _port;

    /// <summary>The private pcscd's socket (PCSCLITE_CSOCK_NAME for the client library).</summary>
    public string Socket { get; private set; } = "";

    /// <summary>Client options for the rig's reader and socket.</summary>
    public PcscOptions Options(TimeSpan? wait = null) => new()
    {
        SocketPath = Socket,
        Reader = PcscReaderSelector.Parse(Reader),
        CardWaitTimeout = wait ?? TimeSpan.FromSeconds(20),
        TransmitTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// Installs (if needed) and starts pcscd, attaches the card, waits until the reader shows it (no APDU is sent);
    /// <paramref name="unplugAfterApdus"/> as in <see cref="InsertCard"/>.
    /// </summary>
    public static async Task<PcscRig> StartAsync(IEs10Handler handler, string name, int? unplugAfterApdus = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("pcscd and vpcd run on Linux only");
        }
        var rig = new PcscRig(RepositoryFile(Path.Combine("scripts", "pcsc.sh")),
            Path.Combine(Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N")[..8]));
        var install = rig.Bash("pcsc_install");
        if (install.ExitCode != 0)
        {
            Assert.Ignore($"pcscd / vsmartcard-vpcd cannot be installed here: {install.Stderr.Trim()}");
        }
        var start = rig.Bash($"pcsc_start '{rig._dir}' && echo \"$PCSC_PID|$PCSC_VPCD_PORT|$PCSCLITE_CSOCK_NAME|$PCSC_READER\"");
        Assert.That(start.ExitCode, Is.Zero, $"pcsc_start failed: {start.Stderr}");
        string[] parts = start.Stdout.Trim().Split('|');
        rig._pcscdPid = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int port = int.Parse(parts[1], CultureInfo.InvariantCulture);
        rig._port = port;
        rig.Socket = parts[2];
        rig.Reader = parts[3];

        rig.InsertCard(handler, unplugAfterApdus);
        var wait = rig.Bash($"PCSC_DIR='{rig._dir}' PCSC_READER='{rig.Reader}' PCSC_VPCD_PORT={port} pcsc_wait_card 20");
        Assert.That(wait.ExitCode, Is.Zero, $"no card in the vpcd reader: {wait.Stderr}");
        await Task.CompletedTask;
        return rig;
    }

    /// <summary>
    /// Attaches a virtual card to vpcd (after <see cref="RemoveCardAsync"/>); with <paramref name="unplugAfterApdus"/> it
    /// leaves the reader by itself while the APDU after that many is in flight. pcscd sees it within its polling period.
    /// </summary>
    public void InsertCard(IEs10Handler handler, int? unplugAfterApdus = null)
    {
        Assert.That(_cardStop, Is.Null, "a card is already in the reader");
        _cardStop = new CancellationTokenSource();
        Card = new VpcdClient(new IsdrFrontEnd(handler), new VpcdOptions { Port = _port, UnplugAfterApdus = unplugAfterApdus },
            m => TestContext.Progress.WriteLine("vpcd: " + m));
        _card = Card.RunAsync(_cardStop.Token);
    }

    /// <summary>The virtual card leaves the reader (its vpcd connection ends).</summary>
    public async Task RemoveCardAsync()
    {
        if (_cardStop is not null)
        {
            await _cardStop.CancelAsync();
            await _card!.WaitAsync(TimeSpan.FromSeconds(10));
            _cardStop.Dispose();
            _cardStop = null;
        }
    }

    /// <summary>Waits (bounded) until pcscd reports no card in the reader: it notices a removal at its next poll.</summary>
    public async Task WaitUntilNoCardAsync()
    {
        DateTime until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                await using PcscTransport still = await PcscTransport.ConnectAsync(Options(TimeSpan.Zero), CancellationToken.None);
            }
            catch (PcscException e) when (e.Code == PcscErrors.NoSmartcard)
            {
                return;
            }
            Assert.That(DateTime.UtcNow, Is.LessThan(until), $"pcscd still reports a card in '{Reader}' 10 s after its removal");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the private pcscd by its PID.</summary>
    public void StopPcscd()
    {
        if (_pcscdPid != 0)
        {
            var stop = Bash($"PCSC_PID={_pcscdPid} PCSC_DIR='{_dir}' pcsc_stop");
            Assert.That(stop.ExitCode, Is.Zero, stop.Stderr);
            _pcscdPid = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveCardAsync();
        StopPcscd();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above the test directory");
    }

    private (int ExitCode, string Stdout, string Stderr) Bash(string body)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"set -u; source \"$1\"; {body}");
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(_script);
        using var process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"scripts/pcsc.sh did not finish within {ScriptTimeout}: {body}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
