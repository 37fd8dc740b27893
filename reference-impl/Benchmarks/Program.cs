using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Conformance.Benchmarks;

/// <summary>
/// <c>./conformance bench [filter] [--quick] [BenchmarkDotNet options]</c>. A first argument that is not
/// an option is a BenchmarkDotNet filter (glob on Namespace.Class.Method, e.g. <c>*Ecdsa*</c>); without one,
/// everything runs. Default job: ShortRun (3 warm-ups, 3 iterations); <c>--quick</c>: 1 warm-up,
/// 3 short iterations. Benchmarks run in-process (no generated project to build).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // "download" and "download-server" are the end-to-end download benchmark (a command, not BenchmarkDotNet).
        if (Download.DownloadBenchmark.TryRun(args, out int downloadExit))
        {
            return downloadExit;
        }
        var rest = new List<string>(args);
        bool quick = rest.Remove("--quick");
        if (rest.Count > 0 && !rest[0].StartsWith('-'))
        {
            rest.Insert(0, "--filter");
        }
        bool help = rest.Contains("--help") || rest.Contains("-h") || rest.Contains("-?");
        if (!rest.Contains("--filter") && !rest.Contains("--list") && !help)
        {
            rest.AddRange(["--filter", "*"]);
        }
        // BenchmarkDotNet answers an unknown option with its whole help on stdout and exit code 0: say it in one sentence instead.
        if (!help && ArgumentError(rest) is { } error)
        {
            Console.Error.WriteLine($"bench: {error} (see ./conformance bench --help).");
            return 2;
        }
        Job job = (quick
                ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(150))
                : Job.ShortRun)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(quick ? "Quick" : "ShortRun");
        IConfig config = DefaultConfig.Instance.AddJob(job.AsDefault());
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    /// <summary>What BenchmarkDotNet's parser finds wrong with the arguments (its first error, one line), or null.</summary>
    private static string? ArgumentError(List<string> args)
    {
        var log = new AccumulationLogger();
        if (ConfigParser.Parse([.. args], log).isSuccess)
        {
            return null;
        }
        // Its report: "ERROR(S):", the errors indented, then the help.
        string[] lines = log.GetLog().Split('\n', StringSplitOptions.TrimEntries);
        int start = Array.FindIndex(lines, l => l.StartsWith("ERROR", StringComparison.Ordinal));
        string? first = lines.Skip(start + 1).FirstOrDefault(l => l.Length > 0);
        return first is null ? "the arguments are not understood" : char.ToLowerInvariant(first[0]) + first[1..].TrimEnd('.');
    }
}
