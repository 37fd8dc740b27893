using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
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
        if (!rest.Contains("--filter") && !rest.Contains("--list") && !rest.Contains("--help") && !rest.Contains("-h"))
        {
            rest.AddRange(["--filter", "*"]);
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
}
