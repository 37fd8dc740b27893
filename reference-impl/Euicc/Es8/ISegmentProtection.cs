using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Euicc.Es8;

/// <summary>The eUICC side of the BSP (SGP.22 v2.5 §2.6.4): verify, and decrypt, the segments of one BSP instance in order.</summary>
internal interface ISegmentProtection : IDisposable
{
    /// <summary>Verifies the MAC of an encrypted segment ('86', '87') and decrypts it; <see cref="BspException"/> when refused.</summary>
    byte[] VerifyAndDecrypt(byte tag, ReadOnlySpan<byte> segment);

    /// <summary>Verifies the MAC of a MAC-only segment ('88') and returns its data.</summary>
    byte[] VerifyMacOnly(byte tag, ReadOnlySpan<byte> segment);

    /// <summary>ReplaceSessionKeys (§5.5.4): the instance for the PPKs, its counter and chaining restarted.</summary>
    ISegmentProtection Replace(SessionKeys keys);
}

/// <summary>The conforming BSP: <see cref="BspInstance"/> of the protocol core.</summary>
internal sealed class CheckedBsp(BspInstance bsp) : ISegmentProtection
{
    public byte[] VerifyAndDecrypt(byte tag, ReadOnlySpan<byte> segment) => bsp.VerifyAndDecrypt(tag, segment);

    public byte[] VerifyMacOnly(byte tag, ReadOnlySpan<byte> segment) => bsp.VerifyMacOnly(tag, segment);

    public ISegmentProtection Replace(SessionKeys keys) => new CheckedBsp(bsp.ReplaceSessionKeys(keys));

    public void Dispose() => bsp.Dispose();
}
