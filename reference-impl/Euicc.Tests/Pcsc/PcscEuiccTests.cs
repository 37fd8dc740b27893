using System.Diagnostics;
using Conformance.Adapters.Isdr;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Tests.Support;
using Conformance.Euicc.Vpcd;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Tests.Pcsc;

/// <summary>
/// The real ES10 handler through the real PC/SC stack: a private pcscd with a vpcd reader (scripts/pcsc.sh),
/// the emulator attached as the virtual card, <see cref="PcscTransport"/> and <see cref="IsdrSession"/> as the
/// LPA. Ignored, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PcscEuiccTests
{
    private string _dir = null!;
    private string _script = null!;
    private int _pcscdPid;
    private string _socket = null!;
    private string _reader = null!;
    private Es10Handler _handler = null!;
    private CancellationTokenSource _cardStop = null!;
    private Task _card = null!;

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
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"scripts/pcsc.sh did not finish: {body}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [OneTimeSetUp]
    public void StartPcscdAndTheEmulatedEuicc()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("pcscd and vpcd run on Linux only");
        }
        _script = RepositoryFile(Path.Combine("scripts", "pcsc.sh"));
        _dir = Path.Combine(Path.GetTempPath(), "euicc-pcsc-" + Guid.NewGuid().ToString("N")[..8]);
        var install = Bash("pcsc_install");
        if (install.ExitCode != 0)
        {
            Assert.Ignore($"pcscd / vsmartcard-vpcd cannot be installed here: {install.Stderr.Trim()}");
        }
        var start = Bash($"pcsc_start '{_dir}' && echo \"$PCSC_PID|$PCSC_VPCD_PORT|$PCSCLITE_CSOCK_NAME|$PCSC_READER\"");
        Assert.That(start.ExitCode, Is.Zero, $"pcsc_start failed: {start.Stderr}");
        string[] parts = start.Stdout.Trim().Split('|');
        _pcscdPid = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int port = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _socket = parts[2];
        _reader = parts[3];

        _handler = new Es10Handler(TestCard.Identity);
        _cardStop = new CancellationTokenSource();
        var client = new VpcdClient(new IsdrFrontEnd(_handler), new VpcdOptions { Port = port }, m => TestContext.Progress.WriteLine("vpcd: " + m));
        _card = client.RunAsync(_cardStop.Token);
        var wait = Bash($"PCSC_DIR='{_dir}' PCSC_READER='{_reader}' PCSC_VPCD_PORT={port} pcsc_wait_card 20");
        Assert.That(wait.ExitCode, Is.Zero, $"no card in the vpcd reader: {wait.Stderr}");
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (_cardStop is not null)
        {
            await _cardStop.CancelAsync();
            await _card.WaitAsync(TimeSpan.FromSeconds(10));
            _cardStop.Dispose();
        }
        if (_pcscdPid != 0)
        {
            var stop = Bash($"PCSC_PID={_pcscdPid} PCSC_DIR='{_dir}' pcsc_stop");
            Assert.That(stop.ExitCode, Is.Zero, stop.Stderr);
        }
        _handler?.Dispose();
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public async Task GetEidAndGetEuiccInfo2ThroughPcscdAndVpcd()
    {
        var options = new PcscOptions
        {
            SocketPath = _socket,
            Reader = PcscReaderSelector.Parse(_reader),
            CardWaitTimeout = TimeSpan.FromSeconds(20),
            TransmitTimeout = TimeSpan.FromSeconds(10),
        };
        await using PcscTransport transport = await PcscTransport.ConnectAsync(options, CancellationToken.None);
        await using IsdrSession session = await IsdrSession.OpenAsync(transport);

        GetEuiccDataResponse eid = GetEuiccDataResponse.Decode(await session.TransmitEs10Async(GetEuiccDataRequest.ForEid().Encode(), CancellationToken.None));
        Assert.That(eid.Eid, Is.EqualTo(TestCard.Identity.Eid));

        EUICCInfo2 info2 = EUICCInfo2.Decode(await session.TransmitEs10Async(new GetEuiccInfo2Request().Encode(), CancellationToken.None));
        Assert.That(info2.Svn.ToString(), Is.EqualTo("2.2.2"));
        Assert.That(info2.EuiccCiPKIdListForVerification, Is.EqualTo(TestCard.Identity.CiPkIdsForVerification));

        // A response over 256 bytes (AuthenticateServer) comes back through 61xx / GET RESPONSE via pcscd.
        byte[] challenge = GetEuiccChallengeResponse.Decode(await session.TransmitEs10Async(new GetEuiccChallengeRequest().Encode(), CancellationToken.None)).EuiccChallenge;
        var smdp = new TestSmdp(TestCard.Nist);
        byte[] raw = await session.TransmitEs10Async(smdp.AuthenticateServer(challenge).Encode(), CancellationToken.None);
        Assert.That(raw.Length, Is.GreaterThan(256));
        AuthenticateResponseOk ok = AuthenticateServerResponse.Decode(raw).AuthenticateResponseOk!;
        Assert.That(Verify.ByEuicc(ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1));
    }
}
