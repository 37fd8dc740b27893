using BenchmarkDotNet.Attributes;
using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>
/// ECKA-DH shared secret (BSI TR-03111, SGP.22 v2.5 §2.6.5), and the whole session key establishment
/// (ECKA then X9.63 KDF to S-ENC, S-MAC, initial MCV, §3.1.3), per curve and library.
/// </summary>
[MemoryDiagnoser]
public class EckaBenchmarks
{
    private static readonly byte[] HostId = Convert.FromHexString("8080808080808080");
    private static readonly byte[] Eid = Convert.FromHexString("89049032123451234512345678901235");
    private OneTimeKeyPair _own = null!;
    private OneTimeKeyPair _other = null!;
    private IEcka _ecka = null!;

    [Params(RspCurve.NistP256, RspCurve.BrainpoolP256r1)]
    public RspCurve Curve { get; set; }

    [Params(Library.BouncyCastle, Library.DotNet, Library.OpenSsl)]
    public Library Library { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _own = OneTimeKeyPair.Generate(Curve);
        _other = OneTimeKeyPair.Generate(Curve);
        _ecka = Libraries.Ecka(Library);
    }

    [Benchmark]
    public byte[] SharedSecret() => _ecka.SharedSecret(_own.Private, _other.Public);

    [Benchmark]
    public SessionKeys SharedSecretAndSessionKeys() =>
        SessionKeyDerivation.Derive(_ecka.SharedSecret(_own.Private, _other.Public), HostId, Eid);
}
