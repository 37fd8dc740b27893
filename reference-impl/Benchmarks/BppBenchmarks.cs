using BenchmarkDotNet.Attributes;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>
/// BPP throughput for a 12 KB profile (SGP.22 v2.5 §2.6.4): segmenting into '86' segments with
/// encrypt-and-MAC (SM-DP+ side), and verify-and-decrypt of those segments (eUICC side).
/// Each operation starts a fresh BSP instance, as one profile download does after ReplaceSessionKeys.
/// </summary>
[MemoryDiagnoser]
public class BppBenchmarks
{
    public const int ProfileLength = 12 * 1024;

    private readonly SessionKeys _keys = new(
        Convert.FromHexString("010102030405060708090a0b0c0d0e0f"),
        Convert.FromHexString("020102030405060708090a0b0c0d0e0f"),
        Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));

    private readonly byte[] _profile = new byte[ProfileLength];
    private ReadOnlyMemory<byte>[] _segments = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(12).NextBytes(_profile);
        using var bsp = new BspInstance(_keys);
        _segments = ProfileSegmentation.Protect(bsp, _profile).Select(s => (ReadOnlyMemory<byte>)s).ToArray();
    }

    [Benchmark]
    public int ProtectProfile()
    {
        using var bsp = new BspInstance(_keys);
        return ProfileSegmentation.Protect(bsp, _profile).Count;
    }

    [Benchmark]
    public int VerifyAndDecryptProfile()
    {
        using var bsp = new BspInstance(_keys);
        return ProfileSegmentation.Unprotect(bsp, _segments).Length;
    }
}
