using System.Diagnostics;

namespace Conformance.Cli.Tests;

/// <summary>
/// The rule of issue #14 for every command and sub-command of ./conformance, run as the user runs it (bash conformance ...,
/// a separate process): a wrong argument (an unknown option, a bad value), a file or directory that does not exist, or a
/// target that cannot be reached is exactly one sentence on stderr (one non-empty line, no stack frame, no exception type
/// name) and exit code 2, within <see cref="Limit"/>. Left out: what needs network installs or legitimately takes long
/// (<c>test</c>, a full <c>run</c>, <c>bench</c> but its argument errors), and for <c>fuzz smdp|smds|euicc</c> (being written)
/// all but the unknown option.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class EveryCommandErrorTests
{
    /// <summary>Longest a command may take to say what is wrong.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The first commands build what ./conformance runs when a source is newer than it (the solution, steps/, the benchmarks).</summary>
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(15);

    /// <summary>A directory that does not exist (nothing creates it); missing files are named under it.</summary>
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "conformance-missing-" + Guid.NewGuid().ToString("N"));

    /// <summary>A port nothing listens on: connections are refused at once.</summary>
    private const string Unreachable = "https://127.0.0.1:1";

    private const string Key = "00112233445566778899AABBCCDDEEFF";

    /// <summary>Not a directory: nothing can be created "under" it.</summary>
    private const string NotADirectory = "/dev/null";

    /// <summary>A case: its name, what the sentence must say (so that it fails for the reason meant), the arguments.</summary>
    private static TestCaseData Case(string name, string says, params string[] args) => new TestCaseData(args, says).SetName(name);

    private static TestCaseData Help(string name, params string[] args) => new TestCaseData((object)args).SetName(name);

    public static IEnumerable<TestCaseData> WrongArguments()
    {
        // run (the bash script, then the steps' check-config)
        yield return Case("run: unknown option", "unknown option '--bogus'", "run", "--bogus");
        yield return Case("run: option without its value", "--pki needs a value", "run", "--pki");
        yield return Case("run: bad value", "--jobs", "run", "--jobs", "x");
        yield return Case("run: missing PKI directory", "--pki", "run", "--pki", Path.Combine(Missing, "pki"));
        yield return Case("run: missing orders file", "--orders", "run", "--orders", Path.Combine(Missing, "orders.txt"));
        yield return Case("run: missing config file", "remote.json", "run", "--config", Path.Combine(Missing, "remote.json"));
        yield return Case("run: missing trust file", "--trust", "run", "--trust", Path.Combine(Missing, "roots.pem"));
        yield return Case("run: missing target file", "--target", "run", "--target", Path.Combine(Missing, "target.json"));
        // (orders from a command: a remote SM-DP+ needs an order source; without ES2+ no operator certificate is needed)
        yield return Case("run: unreachable SM-DP+", "cannot be reached", "run", "--smdp", Unreachable, "--orders", "command:true");
        yield return Case("run: no such PC/SC reader", "euicc", "run", "--euicc", "pcsc:No Such Reader 4711", "--tags", "@euicc");
        // check (the run's options, then @check scenarios)
        yield return Case("check: unknown option", "unknown option '--bogus'", "check", "--bogus");
        yield return Case("check: missing PKI directory", "--pki", "check", "--pki", Path.Combine(Missing, "pki"));
        yield return Case("check: unreachable SM-DP+", "cannot be reached", "check", "--smdp", Unreachable, "--orders", "command:true");
        // report, step-catalog, defects
        yield return Case("report: unknown option", "unknown option '--bogus'", "report", "--bogus");
        yield return Case("report: missing results directory", "no results in", "report", "--out", Path.Combine(Missing, "out"));
        yield return Case("step-catalog: unknown option", "step-catalog", "step-catalog", "--bogus");
        yield return Case("defects: unknown option", "unknown argument '--bogus'", "defects", "--bogus");
        yield return Case("unknown command", "unknown command 'bogus'", "bogus");
        // pki
        yield return Case("pki: no sub-command", "needs a command", "pki");
        yield return Case("pki: unknown sub-command", "unexpected argument 'bogus'", "pki", "bogus");
        yield return Case("pki generate: unknown option", "unknown option '--bogus'", "pki", "generate", "--bogus");
        yield return Case("pki generate: bad value", "unknown curve 'x'", "pki", "generate", "--out", Path.Combine(Missing, "pki"), "--curve", "x");
        yield return Case("pki generate: directory that cannot be made", "cannot write to", "pki", "generate", "--out", Path.Combine(NotADirectory, "pki"));
        yield return Case("pki check: unknown option", "unknown option '--bogus'", "pki", "check", "--bogus");
        yield return Case("pki check: missing directory", "does not exist", "pki", "check", "--dir", Missing);
        // decode
        yield return Case("decode: unknown option", "unknown option '--bogus'", "decode", "--bogus");
        yield return Case("decode: missing file", "no such file", "decode", "@" + Path.Combine(Missing, "message.der"));
        yield return Case("decode: not a message", "neither hex, base64 nor JSON", "decode", "xyz");
        // bpp
        yield return Case("bpp: no sub-command", "needs a command", "bpp");
        yield return Case("bpp decrypt: unknown option", "unknown option '--bogus'", "bpp", "decrypt", "--s-enc", Key, "--s-mac", Key, "--mcv", Key, "--bogus");
        yield return Case("bpp decrypt: bad key", "--s-enc must be 16 bytes", "bpp", "decrypt", "--s-enc", "12", "--s-mac", Key, "--mcv", Key, NotADirectory);
        yield return Case("bpp decrypt: missing file", "no such file", "bpp", "decrypt", "--s-enc", Key, "--s-mac", Key, "--mcv", Key, Path.Combine(Missing, "bpp.der"));
        yield return Case("bpp build: unknown fault", "unknown fault 'Bogus'", "bpp", "build", "--out", Path.Combine(Path.GetTempPath(), "bpp-build-never.der"), "--fault", "Bogus");
        yield return Case("bpp build: missing profile", "no such file", "bpp", "build", "--out", Path.Combine(Path.GetTempPath(), "bpp-build-never.der"), "--profile", Path.Combine(Missing, "upp.der"));
        // euicc (its unreachable vpcd is retried until Ctrl+C, as a server waits for its peer: not an error)
        yield return Case("euicc: no sub-command", "needs a command", "euicc");
        yield return Case("euicc serve: unknown option", "unknown option '--bogus'", "euicc", "serve", "--bogus");
        yield return Case("euicc serve: bad vpcd endpoint", "localhost:70000", "euicc", "serve", "--vpcd", "localhost:70000", "--state", Path.Combine(Missing, "card"));
        yield return Case("euicc serve: missing PKI directory", "does not exist", "euicc", "serve", "--state", Path.Combine(Missing, "card"), "--pki", Path.Combine(Missing, "pki"));
        // smdp
        yield return Case("smdp: no sub-command", "needs a command", "smdp");
        yield return Case("smdp serve: unknown option", "unknown option '--bogus'", "smdp", "serve", "--bogus");
        yield return Case("smdp serve: bad value", "--port", "smdp", "serve", "--port", "x");
        yield return Case("smdp serve: missing PKI directory", "conformance-missing-", "smdp", "serve", "--pki", Path.Combine(Missing, "pki"), "--port", "1");
        yield return Case("smdp serve: --smds not ADDRESS=URL", "is not ADDRESS=URL", "smdp", "serve", "--smds", "127.0.0.1:8444", "--port", "1");
        yield return Case("smdp serve: --smds with a URL that is not one", "is not an http(s) URL", "smdp", "serve", "--smds", "a=ftp://x", "--port", "1");
        yield return Case("smdp order: unknown option", "unknown option '--bogus'", "smdp", "order", "--bogus");
        yield return Case("smdp order: --smds-address without --eid", "needs --eid", "smdp", "order", "--smds-address", "127.0.0.1:8444", "--iccid", "8900000000000000001");
        yield return Case("smdp order: missing PKI directory", "does not exist", "smdp", "order", "--pki", Path.Combine(Missing, "pki"), "--iccid", "8900000000000000001");
        yield return Case("smdp order: unreachable SM-DP+", "cannot reach", "smdp", "order", "--url", Unreachable + "/", "--iccid", "8900000000000000001", "--release");
        // smds
        yield return Case("smds: no sub-command", "needs a command", "smds");
        yield return Case("smds serve: unknown option", "unknown option '--bogus'", "smds", "serve", "--bogus");
        yield return Case("smds serve: bad value", "--port", "smds", "serve", "--port", "x");
        yield return Case("smds serve: unknown defect", "unknown --defect 'Nope'", "smds", "serve", "--defect", "Nope", "--port", "1");
        yield return Case("smds serve: missing PKI directory", "conformance-missing-", "smds", "serve", "--pki", Path.Combine(Missing, "pki"), "--port", "1");
        // fuzz (being written: the unknown option only)
        yield return Case("fuzz smdp: unknown option", "unknown option '--bogus'", "fuzz", "smdp", "--bogus");
        yield return Case("fuzz smds: unknown option", "unknown option '--bogus'", "fuzz", "smds", "--bogus");
        yield return Case("fuzz smds: no probes", "--requests 0", "fuzz", "smds", "--requests", "0");
        yield return Case("fuzz euicc: unknown option", "unknown option '--bogus'", "fuzz", "euicc", "--bogus");
        // bench (its argument errors only: a benchmark takes minutes)
        yield return Case("bench: unknown option", "'bogus' is unknown", "bench", "--bogus");
        yield return Case("bench download: unknown option", "unknown option '--bogus'", "bench", "download", "--bogus");
        yield return Case("bench download: bad value", "--downloads must be a whole number", "bench", "download", "--downloads", "x");
        yield return Case("bench download: bad curve", "--curve must be", "bench", "download", "--curve", "x");
    }

    public static IEnumerable<TestCaseData> Helps()
    {
        yield return Help("run --help", "run", "--help");
        yield return Help("check --help", "check", "--help");
        yield return Help("report --help", "report", "--help");
        yield return Help("pki check --help", "pki", "check", "--help");
        yield return Help("decode --help", "decode", "--help");
        yield return Help("bpp decrypt --help", "bpp", "decrypt", "--help");
        yield return Help("smdp order --help", "smdp", "order", "--help");
    }

    [OneTimeSetUp]
    public async Task BuildWhatTheScriptRuns()
    {
        // ./conformance builds the solution (CLI commands) or steps/ (run, check, report) when a source is newer than
        // its DLL, and bench builds the benchmarks: that happens here, once, so that the commands under test are measured
        // without a build (a source edited while this fixture runs starts another one).
        foreach (string[] args in new[] { new[] { "pki", "--help" }, ["run", "--help"], ["bench", "download", "--help"] })
        {
            Result r = await RunAsync(args, BuildLimit);
            Assert.That(r.ExitCode, Is.Zero, $"./conformance {string.Join(' ', args)} (the build) failed:\n{r.Stderr}\n{r.Stdout}");
        }
    }

    [TestCaseSource(nameof(WrongArguments))]
    public async Task IsOneSentenceOnStderrAndExitCode2(string[] args, string says)
    {
        Result r = await RunAsync(args, Limit);
        string said = $"./conformance {string.Join(' ', args)}\nexit code {r.ExitCode} after {r.Elapsed.TotalSeconds:0.#} s\nstderr:\n{r.Stderr}\nstdout:\n{Tail(r.Stdout)}";
        await TestContext.Out.WriteLineAsync(said);
        Assert.That(r.TimedOut, Is.False, $"no answer within {Limit.TotalSeconds} s\n{said}");
        // The script's progress line when a source edited meanwhile makes it build steps/ first is not part of the answer.
        string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("== building the harness", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), said);
            Assert.That(lines, Has.Length.EqualTo(1), "exactly one line on stderr\n" + said);
            Assert.That(r.Stderr, Does.Contain(says), "the reason meant\n" + said);
            Assert.That(r.Stderr, Does.Not.Match(@"(?m)^\s+at "), "no stack frame\n" + said);
            Assert.That(r.Stderr, Does.Not.Match(@"\b[A-Z][A-Za-z]*Exception\b"), "no exception type name\n" + said);
        });
    }

    [TestCaseSource(nameof(Helps))]
    public async Task HelpPrintsTheOptionsAndExitsZero(string[] args)
    {
        Result r = await RunAsync(args, Limit);
        Assert.That(r.TimedOut, Is.False, $"no answer within {Limit.TotalSeconds} s");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Contain("usage").IgnoreCase);
    }

    [Test]
    public async Task BenchDownloadHelpListsItsOptionsOneALine()
    {
        Result r = await RunAsync(["bench", "download", "--help"], Limit);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        foreach (string option in new[] { "--curve", "--downloads", "--in-flight", "--profile-size", "--rounds", "--help" })
        {
            Assert.That(r.Stdout, Does.Match($@"(?m)^\s+(-h, )?{option} "), option);
        }
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut);

    /// <summary>bash conformance ARGS in a scratch directory, without the caller's CONFORMANCE_* settings; killed after <paramref name="limit"/>.</summary>
    private static async Task<Result> RunAsync(string[] args, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "conformance"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("CONFORMANCE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        child.StandardInput.Close();
        Task<string> stdout = child.StandardOutput.ReadToEndAsync();
        Task<string> stderr = child.StandardError.ReadToEndAsync();
        bool timedOut = false;
        using (var cts = new CancellationTokenSource(limit))
        {
            try
            {
                await child.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
        }
        return new Result(child.ExitCode, await stdout, await stderr, clock.Elapsed, timedOut);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(10));

    /// <summary>The directory holding the conformance script and Conformance.sln, above the test's directory.</summary>
    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "conformance")) && File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("no directory with ./conformance and Conformance.sln above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
