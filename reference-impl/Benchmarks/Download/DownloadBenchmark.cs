using System.Diagnostics;
using System.Globalization;
using System.Net;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Testing;

namespace Conformance.Benchmarks.Download;

/// <summary>
/// <c>./conformance bench download [--curve nist|brp|both] [--downloads N] [--in-flight 32] [--profile-size BYTES]</c>:
/// complete downloads (InitiateAuthentication, AuthenticateClient, GetBoundProfilePackage, install by the eUICC
/// test double, HandleNotification) over loopback HTTPS with keep-alive, N in flight, against the reference SM-DP+
/// running in a child process. Reports downloads per second (end to end) and the server's CPU milliseconds per
/// download (its process CPU time over the measured downloads). A command, not a timed test.
/// </summary>
public static class DownloadBenchmark
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] is not ("download" or "download-server"))
        {
            return false;
        }
        var options = Options(args.Skip(1).ToArray());
        exitCode = args[0] == "download-server"
            ? DownloadServer.RunAsync(Int(options, "profiles", 1000), Int(options, "profile-size", 8192), options["db"]).GetAwaiter().GetResult()
            : RunAllAsync(options).GetAwaiter().GetResult();
        return true;
    }

    private static async Task<int> RunAllAsync(Dictionary<string, string> options)
    {
        int downloads = Int(options, "downloads", 2000);
        int inFlight = Int(options, "in-flight", 32);
        int size = Int(options, "profile-size", 8192);
        string curveArg = options.GetValueOrDefault("curve", "both");
        RspCurve[] curves = curveArg switch
        {
            "nist" => [RspCurve.NistP256],
            "brp" => [RspCurve.BrainpoolP256r1],
            _ => [RspCurve.NistP256, RspCurve.BrainpoolP256r1],
        };
        Console.WriteLine($"download benchmark: {downloads} downloads per curve, {inFlight} in flight, profiles of {size} bytes, {Environment.ProcessorCount} CPU(s)");
        foreach (RspCurve curve in curves)
        {
            DownloadResult r = await RunAsync(curve, downloads, inFlight, size).ConfigureAwait(false);
            Console.WriteLine(r);
        }
        return 0;
    }

    public sealed record DownloadResult(RspCurve Curve, int Downloads, int Failures, double Seconds, double ServerCpuMs, double ClientCpuMs)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Curve.ShortName()}: {Downloads} downloads ({Failures} failed) in {Seconds:F2} s = {Downloads / Seconds:F0} downloads/s; " +
            $"server CPU {ServerCpuMs / Downloads:F2} ms/download, client (LPA + eUICC double) CPU {ClientCpuMs / Downloads:F2} ms/download");
    }

    private static async Task<DownloadResult> RunAsync(RspCurve curve, int downloads, int inFlight, int size)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smdp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        int warmUp = Math.Max(inFlight * 8, 256);
        using Process server = StartServer(downloads + warmUp + inFlight, size, Path.Combine(dir, "smdp.db"));
        try
        {
            string ready = await server.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("the benchmark server did not start");
            var url = new Uri(ready["READY ".Length..]);
            CurvePki pki = SmdpCredentials.GeneratedDefault.For(curve);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = inFlight, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) };
            byte[] tlsDer = SmdpCredentials.GeneratedDefault.For(RspCurve.NistP256).DpTls.Certificate.Der;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetRawCertData().AsSpan().SequenceEqual(tlsDer);
            using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60), DefaultRequestVersion = HttpVersion.Version11 };
            var workers = Enumerable.Range(0, inFlight).Select(n => Euicc(pki, n)).ToList();

            await RunDownloadsAsync(http, workers, warmUp).ConfigureAwait(false);
            double cpu0 = await CpuAsync(server).ConfigureAwait(false);
            TimeSpan client0 = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int failures = await RunDownloadsAsync(http, workers, downloads).ConfigureAwait(false);
            clock.Stop();
            double cpu1 = await CpuAsync(server).ConfigureAwait(false);
            double clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalMilliseconds;
            return new DownloadResult(curve, downloads, failures, clock.Elapsed.TotalSeconds, cpu1 - cpu0, clientCpu);
        }
        finally
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

    private static async Task<int> RunDownloadsAsync(HttpClient http, List<TestDoubleEuicc> workers, int total)
    {
        int next = -1;
        int failures = 0;
        await Task.WhenAll(workers.Select(e => Task.Run(async () =>
        {
            var lpa = new DownloadLpa(http, TestPkiOptions.Sgp26SmdpHost, e);
            while (Interlocked.Increment(ref next) < total)
            {
                DownloadOutcome o = await lpa.DownloadAsync(DownloadServer.PoolMatchingId).ConfigureAwait(false);
                if (!o.Installed)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        await Console.Error.WriteLineAsync($"download failed: {o} {e.LastRefusal}").ConfigureAwait(false);
                    }
                }
            }
        }))).ConfigureAwait(false);
        return failures;
    }

    /// <summary>One eUICC per worker (its own EID in the EUM's range), so pool orders never collide.</summary>
    private static TestDoubleEuicc Euicc(CurvePki pki, int n)
    {
        string eid = $"8904903200000000000000000001{n:D4}";
        var key = SeededKeys.Derive(99, pki.Curve, "bench-euicc-" + n);
        RspCertificate cert = RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc(new TestPkiOptions().EidRange.Organization, eid, 0x6000 + n),
            SeededKeys.PublicOf(key), pki.Eum.Certificate, pki.Eum.RequirePrivateKey());
        return new TestDoubleEuicc(cert, key, pki.Eum.Certificate, [pki.Ci.Certificate]);
    }

    private static Process StartServer(int profiles, int size, string db)
    {
        string self = typeof(DownloadBenchmark).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Without dynamic PGO the JIT reaches its final code within the warm-up; with it, re-instrumentation
        // under full load takes tens of seconds on two cores and its JIT time would be counted as server CPU.
        start.Environment["DOTNET_TieredPGO"] = "0";
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Environment.ProcessPath!.EndsWith(Path.GetFileNameWithoutExtension(self), StringComparison.Ordinal))
        {
            start.ArgumentList.Add(self);
        }
        foreach (string a in new[] { "download-server", "--profiles", profiles.ToString(CultureInfo.InvariantCulture), "--profile-size", size.ToString(CultureInfo.InvariantCulture), "--db", db })
        {
            start.ArgumentList.Add(a);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the benchmark server");
    }

    private static async Task<double> CpuAsync(Process server)
    {
        await server.StandardInput.WriteLineAsync("CPU").ConfigureAwait(false);
        string line = await server.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? "0";
        return double.Parse(line, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            d[args[i].TrimStart('-')] = args[i + 1];
        }
        return d;
    }

    private static int Int(Dictionary<string, string> o, string name, int fallback) =>
        o.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
