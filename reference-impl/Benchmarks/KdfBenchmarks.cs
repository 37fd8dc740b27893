using BenchmarkDotNet.Attributes;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Benchmarks;

/// <summary>
/// The X9.63 KDF with SHA-256 producing the 48 bytes of the BSP session keys (SGP.22 v2.5 §3.1.3):
/// our <see cref="X963Kdf"/> over .NET's SHA-256 against BouncyCastle's KDF2 (the same function).
/// The KDF does not depend on the curve: ShS is 32 bytes on both.
/// </summary>
[MemoryDiagnoser]
public class KdfBenchmarks
{
    private readonly byte[] _z = Convert.FromHexString("8902dca391bbb22570fe60c176076246f568b1941265dff1d729e63039658089");
    private readonly byte[] _info = SessionKeyDerivation.SharedInfo(0x88, 0x10,
        Convert.FromHexString("8080808080808080"), Convert.FromHexString("89049032123451234512345678901335"));

    [Benchmark(Baseline = true)]
    public byte[] DotNet() => X963Kdf.Derive(_z, _info, 48);

    [Benchmark]
    public byte[] BouncyCastle()
    {
        var kdf = new Kdf2BytesGenerator(new Sha256Digest());
        kdf.Init(new KdfParameters(_z, _info));
        var output = new byte[48];
        kdf.GenerateBytes(output, 0, output.Length);
        return output;
    }
}
