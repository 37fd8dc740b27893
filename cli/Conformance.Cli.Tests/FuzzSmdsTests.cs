using Conformance.Cli.Fuzzing;

namespace Conformance.Cli.Tests;

/// <summary>
/// Issue #16: the deterministic subset of <c>./conformance fuzz smds</c> that every <c>./conformance test</c> runs: 600
/// probes of the reference SM-DS (headers with Unicode digits and control characters, mutated DER and JSON of ES11
/// InitiateAuthentication / AuthenticateClient and ES12 RegisterEvent / DeleteEvent, invalid UTF-8 and surrogates, chunked
/// bodies that cannot be de-framed, corrupted eUICC certificate fields, ES12 calls without the SM-DP+'s client certificate, an oversized HTTP/2 body), each answered with an
/// SGP.22 functionExecutionStatus by the JSON binding's rule, and the server still serving afterwards.
/// </summary>
[NonParallelizable]
public class FuzzSmdsTests
{
    [Test]
    public async Task EveryProbeOfTheSubsetIsAnsweredByTheBindingsRule()
    {
        await using SmdsFuzzer fuzzer = await SmdsFuzzer.StartAsync(CancellationToken.None);
        await fuzzer.PrepareAsync(600, CancellationToken.None);
        IReadOnlyList<RspFuzzer.Probe> probes = fuzzer.Probes(600, seed: 16);
        Assert.That(probes.Select(p => p.Class).Distinct(), Is.EquivalentTo(new[] { "header", "body", "text", "framing", "certificate", "caller" }));
        Assert.That(probes.Select(p => p.What.Split(' ')[0]).Distinct(), Is.SupersetOf(new[] { "initiateAuthentication", "authenticateClient", "registerEvent", "deleteEvent", "es9plus/initiateAuthentication" }),
            "the mutations reach every ES11 and ES12 function");
        IReadOnlyList<RspFuzzer.ClassResult> results = await fuzzer.RunAsync(probes, parallel: 8, CancellationToken.None);
        var wrong = results.Where(r => r.Right != r.Sent).Select(r => $"{r.Class}: {r.Sent - r.Right} of {r.Sent} wrong: {string.Join(" | ", r.Wrong)}");
        Assert.That(wrong, Is.Empty);
        Assert.That(results.Select(r => r.Class), Does.Contain("http2-oversized").And.Contain("liveness"));
    }
}
