using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Fuzzing;
using Conformance.Euicc.Vpcd;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance fuzz euicc [--apdus N] [--seed S] [--protocol t0|t1|any] [--timeout SECONDS]</c> (issue #14):
/// starts a private pcscd with a vpcd reader (scripts/pcsc.sh, as the tests do), attaches the emulated eUICC to it in process (what <c>euicc serve</c> runs: a
/// generated test PKI, state in memory), and sends N mutated APDUs (<see cref="ApduMutator"/>) through PC/SC
/// (<see cref="PcscTransport"/>). Every response must end with a status word (the due one where the mutation fixes
/// it), no transport error, the emulator must not crash, and the card must answer a clean ISD-R sequence at the end.
/// Exit code 0 when all of that holds, 1 otherwise, 2 for a bad argument or when pcscd / vpcd are missing.
/// </summary>
internal static class FuzzEuiccCommand
{
    private const int MaxApdus = 10_000_000;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    public static Command Create()
    {
        var apdus = new Option<int>("--apdus") { Description = $"Number of mutated APDUs to send (1 to {MaxApdus}).", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations: the same seed sends the same APDUs.", DefaultValueFactory = _ => 14 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one APDU exchange may take before it counts as a transport error.", DefaultValueFactory = _ => 5 };
        var protocol = new Option<string>("--protocol") { Description = "Protocol to connect with: t0, t1, or any (the reader picks).", DefaultValueFactory = _ => "any" };
        protocol.AcceptOnlyFromAmong("any", "t0", "t1");
        var command = new Command("euicc", "Send N mutated APDUs to the emulated eUICC through pcscd and vpcd and check every answer.") { apdus, seed, protocol, timeout };
        command.SetAction((parse, ct) => CliRunner.Run(() => RunAsync(parse.GetValue(apdus), parse.GetValue(seed), Protocols(parse.GetValue(protocol)!),
            parse.GetValue(timeout), ct)));
        return command;
    }

    private static PcscProtocols Protocols(string name) => name switch
    {
        "t0" => PcscProtocols.T0,
        "t1" => PcscProtocols.T1,
        _ => PcscProtocols.T0 | PcscProtocols.T1,
    };

    private static async Task<int> RunAsync(int apdus, int seed, PcscProtocols protocols, double timeoutSeconds, CancellationToken ct)
    {
        if (apdus is < 1 or > MaxApdus)
        {
            throw new CliError($"--apdus must be 1 to {MaxApdus}, got {apdus}");
        }
        if (!double.IsFinite(timeoutSeconds) || timeoutSeconds is < 0.1 or > 600)
        {
            throw new CliError($"--timeout must be 0.1 to 600 seconds, got {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        }
        if (!OperatingSystem.IsLinux())
        {
            throw new CliError("fuzz euicc needs Linux: pcscd and vsmartcard's vpcd run there only");
        }
        var pcsc = new PcscScript(FindScript());
        if (pcsc.Run("pcsc_installed").ExitCode != 0)
        {
            // As ./conformance test does: apt-get, as root or through sudo -n.
            await Console.Error.WriteLineAsync("fuzz euicc: installing pcscd, vsmartcard-vpcd and libpcsclite1 with apt-get");
            var install = pcsc.Run("pcsc_install");
            if (install.ExitCode != 0)
            {
                throw new CliError($"pcscd and vsmartcard's vpcd are not installed and cannot be installed here ({LastLine(install.Stderr) ?? "no reason given"}): " +
                    "install pcscd, vsmartcard-vpcd and libpcsclite1 with apt-get");
            }
        }

        string dir = Path.Combine(Path.GetTempPath(), $"conformance-fuzz-euicc-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(dir);
        try
        {
            var start = pcsc.Run($"pcsc_start '{dir}' && echo \"$PCSC_PID|$PCSC_VPCD_PORT|$PCSCLITE_CSOCK_NAME|$PCSC_READER\"");
            if (start.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"error: pcscd did not start: {LastLine(start.Stderr) ?? "no reason given"}");
                return 1;
            }
            string[] parts = start.Stdout.Trim().Split('|');
            int pcscdPid = int.Parse(parts[0], CultureInfo.InvariantCulture);
            try
            {
                return await FuzzAsync(new Rig(int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3]), apdus, seed, protocols,
                    TimeSpan.FromSeconds(timeoutSeconds), ct);
            }
            finally
            {
                pcsc.Run($"PCSC_PID={pcscdPid} PCSC_DIR='{dir}' pcsc_stop");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS to clean
            }
        }
    }

    /// <summary>The private pcscd: vpcd's port for the card, the socket for the client library, the reader's name.</summary>
    private sealed record Rig(int VpcdPort, string Socket, string Reader);

    private static async Task<int> FuzzAsync(Rig rig, int apdus, int seed, PcscProtocols protocols, TimeSpan transmitTimeout, CancellationToken ct)
    {
        await Console.Error.WriteLineAsync($"fuzz euicc: pcscd with the vpcd reader '{rig.Reader}' started; generating the card's test PKI");
        EuiccIdentity identity = EuiccIdentity.Generate();
        using var handler = new Es10Handler(identity);
        var card = new IsdrFrontEnd(handler);
        var vpcdLog = new List<string>();
        var client = new VpcdClient(card, new VpcdOptions { Port = rig.VpcdPort }, m =>
        {
            lock (vpcdLog)
            {
                vpcdLog.Add(m);
            }
        });
        using var stopCard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task cardTask = client.RunAsync(stopCard.Token);

        var options = new PcscOptions
        {
            SocketPath = rig.Socket,
            Reader = PcscReaderSelector.Parse(rig.Reader),
            Protocols = protocols,
            CardWaitTimeout = TimeSpan.FromSeconds(20),
            TransmitTimeout = transmitTimeout,
        };
        PcscTransport? transport = null;
        try
        {
            try
            {
                transport = await PcscTransport.ConnectAsync(options, ct);
            }
            catch (PcscException e)
            {
                await Console.Error.WriteLineAsync($"error: the emulated eUICC is not in the reader '{rig.Reader}': {e.Message}");
                return 1;
            }
            string protocol = transport.ActiveProtocol == PcscProtocols.T0 ? "T=0" : "T=1";
            await Console.Error.WriteLineAsync($"fuzz euicc: sending {apdus} mutated APDUs (seed {seed}) over {protocol}");

            var fuzz = new ApduFuzzOptions { Apdus = apdus, Seed = seed, ExpectedEid = handler.Eid };
            int before = client.Apdus;
            ApduFuzzReport report = await ApduFuzzer.RunAsync(fuzz,
                (command, token) => transport!.TransmitAsync(command, token),
                async token =>
                {
                    await DisposeBoundedAsync(transport!);
                    transport = null;
                    transport = await PcscTransport.ConnectAsync(options with { CardWaitTimeout = TimeSpan.FromSeconds(5) }, token);
                }, ct);
            int reached = client.Apdus - before;

            string? crash = cardTask.IsFaulted ? cardTask.Exception!.GetBaseException().ToString() : null;
            bool passed = report.Passed && crash is null;
            var output = Console.Out;
            await output.WriteLineAsync($"fuzz euicc: the emulated eUICC (EID {handler.Eid}) through pcscd and vpcd, reader '{rig.Reader}', {protocol}");
            await output.WriteAsync(report.Format());
            await output.WriteLineAsync($"  {"emulator",-22} {(crash is null ? $"running, answered {reached} APDUs through vpcd (liveness included)" : "CRASHED: " + crash)}");
            await output.WriteLineAsync(passed
                ? $"PASS: all {report.Sent} APDUs answered with a status word, no transport error, the card alive"
                : $"FAIL: {Failures(report, crash)}");
            if (!passed)
            {
                string[] tail;
                lock (vpcdLog)
                {
                    tail = [.. vpcdLog.TakeLast(5)];
                }
                foreach (string line in tail)
                {
                    await Console.Error.WriteLineAsync("vpcd: " + line);
                }
            }
            return passed ? 0 : 1;
        }
        finally
        {
            if (transport is not null)
            {
                await DisposeBoundedAsync(transport);
            }
            await stopCard.CancelAsync();
            try
            {
                await cardTask.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or System.Net.Sockets.SocketException)
            {
                // the card is being torn down with pcscd; its failure, if any, is in the report
            }
        }
    }

    /// <summary>
    /// Disconnects within 10 s: after a transmit that timed out, pcscd may still wait on vpcd for the card, and
    /// SCardDisconnect with it; pcscd is stopped (by its PID) right after in any case.
    /// </summary>
    private static async Task DisposeBoundedAsync(PcscTransport transport)
    {
        try
        {
            await Task.Run(async () => await transport.DisposeAsync(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync("fuzz euicc: the PC/SC disconnect did not return within 10 s; stopping pcscd");
        }
    }

    private static string Failures(ApduFuzzReport report, string? crash)
    {
        var why = new List<string>();
        if (report.Sent < report.Requested)
        {
            why.Add($"only {report.Sent} of {report.Requested} APDUs sent");
        }
        if (report.TransportErrors > 0)
        {
            why.Add($"{report.TransportErrors} transport error(s)");
        }
        if (report.NoStatusWord > 0)
        {
            why.Add($"{report.NoStatusWord} response(s) without a status word");
        }
        if (report.Suspect > 0)
        {
            why.Add($"{report.Suspect} suspect status word(s)");
        }
        if (!report.Liveness.Alive)
        {
            why.Add("the card does not answer a clean sequence any more");
        }
        if (crash is not null)
        {
            why.Add("the emulator crashed");
        }
        return string.Join(", ", why);
    }

    /// <summary>scripts/pcsc.sh of the repository the CLI was built in (the build output lies below it).</summary>
    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "scripts", "pcsc.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new CliError($"scripts/pcsc.sh not found above {AppContext.BaseDirectory}: run ./conformance fuzz euicc from the repository");
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    /// <summary>Runs functions of scripts/pcsc.sh in bash (bounded), as the tests' PcscRig does.</summary>
    private sealed class PcscScript(string script)
    {
        public (int ExitCode, string Stdout, string Stderr) Run(string body)
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add($"set -u; source \"$1\"; {body}");
            psi.ArgumentList.Add("bash");
            psi.ArgumentList.Add(script);
            using var process = Process.Start(psi) ?? throw new CliError("bash could not be started");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ScriptTimeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", $"scripts/pcsc.sh did not finish within {ScriptTimeout.TotalMinutes:0} minutes");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
