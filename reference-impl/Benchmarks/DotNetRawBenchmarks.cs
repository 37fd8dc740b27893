using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>
/// .NET's ECDsa / ECDiffieHellman with keys imported once, outside the measurement: the share of
/// <see cref="DotNetEcdsa"/> and <see cref="DotNetEcka"/> time that is the per-call import of
/// BouncyCastle keys (which makes OpenSSL derive and check the public point).
/// </summary>
[MemoryDiagnoser]
public class DotNetRawBenchmarks
{
    private readonly byte[] _data = new byte[200];
    private ECDsa _signer = null!;
    private ECDsa _verifier = null!;
    private ECDiffieHellman _own = null!;
    private ECDiffieHellmanPublicKey _other = null!;
    private byte[] _signature = null!;

    [Params(RspCurve.NistP256, RspCurve.BrainpoolP256r1)]
    public RspCurve Curve { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_data);
        ECCurve curve = Curve == RspCurve.NistP256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.brainpoolP256r1;
        _signer = ECDsa.Create(curve);
        _verifier = ECDsa.Create(_signer.ExportParameters(false));
        _signature = _signer.SignData(_data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        _own = ECDiffieHellman.Create(curve);
        using var other = ECDiffieHellman.Create(curve);
        _other = other.PublicKey;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _signer.Dispose();
        _verifier.Dispose();
        _own.Dispose();
        _other.Dispose();
    }

    [Benchmark]
    public byte[] SignPreImported() =>
        _signer.SignData(_data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public bool VerifyPreImported() =>
        _verifier.VerifyData(_data, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public byte[] SharedSecretPreImported() => _own.DeriveRawSecretAgreement(_other);
}
