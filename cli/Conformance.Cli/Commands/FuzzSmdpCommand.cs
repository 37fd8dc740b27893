using System.CommandLine;
using System.Diagnostics;
using Conformance.Cli.Fuzzing;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance fuzz smdp|smds --requests N [--seed S] [--parallel P]</c>: the long run of black-box probes against a
/// bundled server (<see cref="RspFuzzer"/>: issue #14's SM-DP+, issue #16's SM-DS); <c>./conformance test</c> runs a
/// deterministic subset of each.
/// </summary>
internal static class FuzzSmdpCommand
{
    public static Command Create() => Create("smdp",
        "Start a bundled SM-DP+ on loopback and send it N malformed requests: header values with Unicode digits or control characters, "
        + "mutated DER and JSON of every ES9+ function, invalid UTF-8 and surrogates, chunked bodies that cannot be de-framed, corrupted "
        + "certificate fields, an oversized HTTP/2 body. Every answer must be the binding's: exit 0 when all are, 1 otherwise.",
        async ct => await SmdpFuzzer.StartAsync(ct).ConfigureAwait(false));

    /// <summary><c>fuzz smds</c>: the same probes against the bundled SM-DS (ES11 and ES12, CERT.DP.TLS presented).</summary>
    public static Command CreateSmds() => Create("smds",
        "Start a bundled SM-DS on loopback and send it N malformed requests of ES11 (InitiateAuthentication, AuthenticateClient) and "
        + "ES12 (RegisterEvent, DeleteEvent, with CERT.DP.TLS as client certificate): the same classes as fuzz smdp. Every answer must "
        + "be an SGP.22 functionExecutionStatus by the JSON binding's rule: exit 0 when all are, 1 otherwise.",
        async ct => await SmdsFuzzer.StartAsync(ct).ConfigureAwait(false));

    private static Command Create(string name, string description, Func<CancellationToken, Task<RspFuzzer>> start)
    {
        var requests = new Option<int>("--requests") { Description = "How many probes to send (the classes in turn).", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations: the same seed sends the same probes.", DefaultValueFactory = _ => 14 };
        var parallel = new Option<int>("--parallel") { Description = "Probes in flight at once.", DefaultValueFactory = _ => 8 };
        var command = new Command(name, description)
        {
            requests, seed, parallel,
        };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            int n = parse.GetValue(requests);
            int p = parse.GetValue(parallel);
            if (n is < 1 or > 10_000_000)
            {
                throw new CliError($"--requests {n}: give a number of probes from 1 to 10000000");
            }
            if (p is < 1 or > 256)
            {
                throw new CliError($"--parallel {p}: give from 1 to 256 probes in flight");
            }
            TextWriter output = parse.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            await using RspFuzzer fuzzer = await start(ct);
            await fuzzer.PrepareAsync(n, ct);
            IReadOnlyList<RspFuzzer.ClassResult> results = await fuzzer.RunAsync(fuzzer.Probes(n, parse.GetValue(seed)), p, ct);
            await output.WriteLineAsync($"{"class",-16} {"sent",8} {"right",8} {"wrong",8}");
            foreach (RspFuzzer.ClassResult r in results)
            {
                await output.WriteLineAsync($"{r.Class,-16} {r.Sent,8} {r.Right,8} {r.Sent - r.Right,8}");
                foreach (string w in r.Wrong)
                {
                    await output.WriteLineAsync($"    {w}");
                }
            }
            int wrong = results.Sum(r => r.Sent - r.Right);
            await output.WriteLineAsync($"{results.Sum(r => r.Sent)} probes in {watch.Elapsed.TotalSeconds:0.0} s: {wrong} answered wrongly");
            return wrong == 0 ? 0 : 1;
        }));
        return command;
    }
}
