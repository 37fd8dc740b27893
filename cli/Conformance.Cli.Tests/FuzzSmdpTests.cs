using Conformance.Cli.Fuzzing;

namespace Conformance.Cli.Tests;

/// <summary>
/// Issue #14: the deterministic subset of <c>./conformance fuzz smdp</c> that every <c>./conformance test</c> runs: 1,500
/// probes of each class (headers with Unicode digits and control characters on both bindings, mutated DER and JSON of
/// every ES9+ function, invalid UTF-8 and surrogates, chunked bodies that cannot be de-framed, corrupted certificate
/// fields, an oversized HTTP/2 body), each answered by the binding's rule, and the server still serving afterwards.
/// </summary>
[NonParallelizable]
public class FuzzSmdpTests
{
    [Test]
    public async Task EveryProbeOfTheSubsetIsAnsweredByTheBindingsRule()
    {
        await using SmdpFuzzer fuzzer = await SmdpFuzzer.StartAsync(CancellationToken.None);
        IReadOnlyList<SmdpFuzzer.Probe> probes = fuzzer.Probes(1_500, seed: 14);
        Assert.That(probes.Select(p => p.Class).Distinct(), Is.EquivalentTo(new[] { "header", "body", "text", "framing", "certificate" }));
        IReadOnlyList<SmdpFuzzer.ClassResult> results = await fuzzer.RunAsync(probes, parallel: 8, CancellationToken.None);
        var wrong = results.Where(r => r.Right != r.Sent).Select(r => $"{r.Class}: {r.Sent - r.Right} of {r.Sent} wrong: {string.Join(" | ", r.Wrong)}");
        Assert.That(wrong, Is.Empty);
        Assert.That(results.Select(r => r.Class), Does.Contain("http2-oversized").And.Contain("liveness"));
    }

    [Test]
    public void TheSameSeedMakesTheSameCertificateCorruptions()
    {
        byte[] cert = Rsp.Pki.TestPkiGenerator.Generate(new Rsp.Pki.TestPkiOptions { IncludeNegativeVariants = false, IncludeOperator = false })
            .For(Rsp.Crypto.RspCurve.NistP256).Euicc.Certificate.Der;
        List<string> a = Corruptions(cert, 7), b = Corruptions(cert, 7);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.Select(w => w.Split(':')[0]).Distinct().Count(), Is.GreaterThanOrEqualTo(8), "the corruptions reach many fields: " + string.Join(", ", a.Distinct()));
    }

    private static List<string> Corruptions(byte[] cert, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, 50).Select(_ => CertificateMutations.CorruptField(cert, rng).What)];
    }
}
