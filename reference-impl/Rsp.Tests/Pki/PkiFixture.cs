using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Rsp.Tests.Pki;

/// <summary>One generated PKI shared by the PKI tests (generation is deterministic, so sharing hides nothing).</summary>
internal static class PkiFixture
{
    /// <summary>A validation instant inside every good certificate's validity and after every expired one.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TestPki> Shared = new(() => TestPkiGenerator.Generate(new TestPkiOptions { Seed = 7 }));

    public static TestPki Pki => Shared.Value;

    public static CurvePki Curve(RspCurve curve) => Pki.For(curve);

    public static readonly RspCurve[] Curves = [RspCurve.NistP256, RspCurve.BrainpoolP256r1];
}
