using BenchmarkDotNet.Attributes;
using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>ECDSA-SHA256 r||s sign and verify (SGP.22 v2.5 §2.6.5) over a 200-byte message, per curve and library.</summary>
[MemoryDiagnoser]
public class EcdsaBenchmarks
{
    private readonly byte[] _data = new byte[200];
    private OneTimeKeyPair _pair = null!;
    private IEcdsaSha256 _ecdsa = null!;
    private byte[] _signature = null!;

    [Params(RspCurve.NistP256, RspCurve.BrainpoolP256r1)]
    public RspCurve Curve { get; set; }

    [Params(Library.BouncyCastle, Library.DotNet)]
    public Library Library { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_data);
        _pair = OneTimeKeyPair.Generate(Curve);
        _ecdsa = Libraries.Ecdsa(Library);
        _signature = _ecdsa.Sign(_pair.Private, _data);
    }

    [Benchmark]
    public byte[] Sign() => _ecdsa.Sign(_pair.Private, _data);

    [Benchmark]
    public bool Verify() => _ecdsa.Verify(_pair.Public, _data, _signature);
}
