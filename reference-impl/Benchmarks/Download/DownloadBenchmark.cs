using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.Benchmarks.Download;

/// <summary>
/// <c>./conformance bench download [--curve nist|brp|both] [--downloads N] [--in-flight 32] [--profile-size BYTES] [--rounds 3]</c>:
/// complete downloads (ES9+ InitiateAuthentication, ES10b AuthenticateServer, ES9+ AuthenticateClient, ES10b
/// PrepareDownload, ES9+ GetBoundProfilePackage, ES10b LoadBoundProfilePackage on the emulated eUICC, ES9+
/// HandleNotification) by the harness LPA over loopback HTTPS/1.1 with keep-alive, one emulated eUICC per download
/// in flight, against the reference SM-DP+ running in a child process with one released order per download made
/// beforehand. Reports downloads per second (end to end), the server's CPU milliseconds per download (its process
/// CPU time over the measured downloads) and the client's (LPA, HTTP client and emulated eUICCs), for each of
/// <c>--rounds</c> measured rounds of N downloads on the same warm server, then the median round (by downloads/s):
/// on a shared 2-core VM one round can be 20% off the next. A command, not a timed test.
/// </summary>
public static class DownloadBenchmark
{
    /// <summary>The options of <c>bench download</c>, one line each in its --help.</summary>
    private static readonly BenchOption[] DownloadOptions =
    [
        new("curve", "nist|brp|both", "the curves to measure, one after the other (default both)"),
        new("downloads", "N", "downloads per measured round and curve (default 2000)"),
        new("in-flight", "N", "downloads in flight, one emulated eUICC each (default 32)"),
        new("profile-size", "BYTES", "size of each synthetic profile (default 8192)"),
        new("rounds", "N", "measured rounds on the same warm server; the median is reported (default 3)"),
    ];

    /// <summary>The options of the SM-DP+ child process (<c>download-server</c>, started by <c>bench download</c>).</summary>
    private static readonly BenchOption[] ServerOptions =
    [
        new("lanes", "N", "download lanes, one eUICC each (default 32)"),
        new("per-lane", "N", "released orders per lane (default 64)"),
        new("profile-size", "BYTES", "size of each synthetic profile (default 8192)"),
        new("db", "FILE", "the SM-DP+'s SQLite database (required)"),
    ];

    /// <summary>What <c>bench download</c> measures.</summary>
    private sealed record DownloadSettings(RspCurve[] Curves, int Downloads, int InFlight, int ProfileSize, int Rounds);

    /// <summary>
    /// Runs <c>download</c> or <c>download-server</c> when <paramref name="args"/> names one (returns false otherwise):
    /// <c>--help</c> prints the options (exit 0); an unknown option or a bad value is one sentence on stderr (exit 2)
    /// before anything starts.
    /// </summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] is not ("download" or "download-server"))
        {
            return false;
        }
        string command = args[0];
        string[] rest = args[1..];
        BenchOption[] table = command == "download" ? DownloadOptions : ServerOptions;
        if (BenchOptions.WantsHelp(rest))
        {
            Console.Out.Write(BenchOptions.Help(command, table));
            return true;
        }
        DownloadSettings? settings = null;
        (int Lanes, int PerLane, int Size, string Db) server = (0, 0, 0, "");
        try
        {
            BenchOptions options = BenchOptions.Parse(command, table, rest);
            if (command == "download")
            {
                settings = new DownloadSettings(
                    options.Choice("curve", "both", "nist", "brp", "both") switch
                    {
                        "nist" => [RspCurve.NistP256],
                        "brp" => [RspCurve.BrainpoolP256r1],
                        _ => [RspCurve.NistP256, RspCurve.BrainpoolP256r1],
                    },
                    options.Int("downloads", 2000, min: 1), options.Int("in-flight", 32, min: 1), options.Int("profile-size", 8192, min: 1),
                    options.Int("rounds", 3, min: 1));
            }
            else
            {
                server = (options.Int("lanes", 32, min: 1), options.Int("per-lane", 64, min: 1), options.Int("profile-size", 8192, min: 1), options.Required("db"));
            }
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine($"bench {command}: {e.Message}.");
            exitCode = 2;
            return true;
        }
        exitCode = settings is null
            ? DownloadServer.RunAsync(server.Lanes, server.PerLane, server.Size, server.Db).GetAwaiter().GetResult()
            : RunAllAsync(settings).GetAwaiter().GetResult();
        return true;
    }

    private static async Task<int> RunAllAsync(DownloadSettings settings)
    {
        (RspCurve[] curves, int downloads, int inFlight, int size, int rounds) = settings;
        Console.WriteLine($"download benchmark: {rounds} round(s) of {downloads} downloads per curve, {inFlight} in flight (one emulated eUICC each), " +
            $"profiles of {size} bytes, {Environment.ProcessorCount} CPU(s), load average {LoadAverage()}");
        int failed = 0;
        foreach (RspCurve curve in curves)
        {
            IReadOnlyList<DownloadResult> results = await RunAsync(curve, downloads, inFlight, size, rounds).ConfigureAwait(false);
            foreach (DownloadResult r in results)
            {
                Console.WriteLine($"  round: {r}");
                failed += r.Failures;
            }
            DownloadResult median = results.OrderBy(r => r.Downloads / r.Seconds).ElementAt(results.Count / 2);
            Console.WriteLine($"median {median}");
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return failed == 0 ? 0 : 1;
    }

    public sealed record DownloadResult(RspCurve Curve, int Downloads, int Failures, double Seconds, double ServerCpuMs, double ClientCpuMs)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Curve.ShortName()}: {Downloads} downloads ({Failures} failed) in {Seconds:F2} s = {Downloads / Seconds:F0} downloads/s; " +
            $"server CPU {ServerCpuMs / Downloads:F2} ms/download, client (LPA + emulated eUICC) CPU {ClientCpuMs / Downloads:F2} ms/download");
    }

    private static async Task<IReadOnlyList<DownloadResult>> RunAsync(RspCurve curve, int downloads, int inFlight, int size, int rounds)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smdp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        int warmUpPerLane = Math.Max(8, 256 / inFlight);
        int perLane = (downloads + inFlight - 1) / inFlight;
        using Process server = StartServer(inFlight, warmUpPerLane + perLane * rounds, size, Path.Combine(dir, "smdp.db"));
        var cards = new List<BenchCard>();
        try
        {
            string ready = await server.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("the benchmark server did not start");
            var url = new Uri(ready["READY ".Length..]);
            CurvePki pki = SmdpCredentials.GeneratedDefault.For(curve);
            using RspHttpTransport http = Transport(url);
            IEs9PlusClient smdp = Es9PlusClient.Create(http, Es9Binding.Json);
            for (int lane = 0; lane < inFlight; lane++)
            {
                cards.Add(await BenchCard.CreateAsync(pki, lane).ConfigureAwait(false));
            }

            await RunDownloadsAsync(smdp, cards, warmUpPerLane).ConfigureAwait(false);
            var results = new List<DownloadResult>();
            for (int round = 0; round < rounds; round++)
            {
                await Task.WhenAll(cards.Select(card => card.EmptyAsync(CancellationToken.None))).ConfigureAwait(false);
                double cpu0 = await CpuAsync(server).ConfigureAwait(false);
                TimeSpan client0 = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                int failures = await RunDownloadsAsync(smdp, cards, perLane).ConfigureAwait(false);
                clock.Stop();
                double cpu1 = await CpuAsync(server).ConfigureAwait(false);
                double clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalMilliseconds;
                results.Add(new DownloadResult(curve, perLane * inFlight, failures, clock.Elapsed.TotalSeconds, cpu1 - cpu0, clientCpu));
            }
            return results;
        }
        finally
        {
            foreach (BenchCard card in cards)
            {
                await card.DisposeAsync().ConfigureAwait(false);
            }
            await StopAsync(server).ConfigureAwait(false);
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }

    /// <summary>
    /// ES9+ over HTTPS/1.1 with keep-alive (one pooled connection per lane), the test PKI's CIs as the only roots,
    /// the SGP.26 SM-DP+ name checked while connecting to the loopback port.
    /// </summary>
    private static RspHttpTransport Transport(Uri url)
    {
        var roots = new X509Certificate2Collection();
        foreach (CurvePki c in SmdpCredentials.GeneratedDefault.Curves)
        {
            roots.Add(X509CertificateLoader.LoadCertificate(c.Ci.Certificate.Der));
        }
        return SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions
        {
            BaseAddress = new Uri($"https://{TestPkiOptions.Sgp26SmdpHost}:{url.Port}/"),
            ConnectTo = new IPEndPoint(IPAddress.Loopback, url.Port),
            TrustedRoots = roots,
            HttpVersion = RspHttpVersion.Http11,
            Timeout = TimeSpan.FromSeconds(60),
        });
    }

    /// <summary>Each lane downloads its next <paramref name="perLane"/> ordered profiles one after the other; returns the failures.</summary>
    private static async Task<int> RunDownloadsAsync(IEs9PlusClient smdp, List<BenchCard> cards, int perLane)
    {
        int failures = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await Task.WhenAll(cards.Select(card => Task.Run(async () =>
        {
            for (int n = 0; n < perLane; n++)
            {
                if (await card.DownloadNextAsync(smdp, deadline.Token).ConfigureAwait(false) is { } failure
                    && Interlocked.Increment(ref failures) <= 3)
                {
                    await Console.Error.WriteLineAsync($"download failed: {failure}").ConfigureAwait(false);
                }
            }
        }))).ConfigureAwait(false);
        return failures;
    }

    private static Process StartServer(int lanes, int perLane, int size, string db)
    {
        string self = typeof(DownloadBenchmark).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The server's code is compiled once, fully optimised, before the measured downloads: without tiering
        // (and without the precompiled ReadyToRun code tiering would replace), no JIT work of tier-up or dynamic
        // PGO re-instrumentation falls into the measured window, where on two loaded cores it took seconds of
        // CPU and was counted as server CPU per download. What is measured is the steady state.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        start.Environment["DOTNET_ReadyToRun"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        // The SM-DP+'s deployment setting, as ./conformance smdp sets it (the script says why); a caller's own value wins.
        start.Environment["DOTNET_GCgen0size"] = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "0x4000000";
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Environment.ProcessPath!.EndsWith(Path.GetFileNameWithoutExtension(self), StringComparison.Ordinal))
        {
            start.ArgumentList.Add(self);
        }
        foreach (string a in new[] { "download-server", "--lanes", Str(lanes), "--per-lane", Str(perLane), "--profile-size", Str(size), "--db", db })
        {
            start.ArgumentList.Add(a);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the benchmark server");
    }

    private static async Task StopAsync(Process server)
    {
        await server.StandardInput.WriteLineAsync("EXIT").ConfigureAwait(false);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await server.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            server.Kill();
        }
    }

    private static async Task<double> CpuAsync(Process server)
    {
        await server.StandardInput.WriteLineAsync("CPU").ConfigureAwait(false);
        string line = await server.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? "0";
        return double.Parse(line, CultureInfo.InvariantCulture);
    }

    /// <summary>The 1-minute load average (other work on the machine skews downloads/s, much less CPU per download).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);
}
