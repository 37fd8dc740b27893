using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Engines;

namespace Conformance.Rsp.Bsp;

/// <summary>
/// The MAC of BSP segments (SGP.22 v2.5 §2.6.4): AES-CMAC under S-MAC over
/// MCV || tag || length || data. The first 8 bytes are appended to the segment; the full 16 bytes
/// become the MAC chaining value (MCV) of the next segment.
/// </summary>
internal sealed class BspMac
{
    public const int MacLength = 8;
    public const int ChainingValueLength = 16;

    private readonly CMac _cmac;

    public BspMac(byte[] sMac)
    {
        _cmac = new CMac(new AesEngine());
        _cmac.Init(new KeyParameter(sMac));
    }

    /// <summary>The full 16-byte CMAC over <paramref name="mcv"/> || <paramref name="tlvWithoutMac"/>.</summary>
    public byte[] Compute(ReadOnlySpan<byte> mcv, ReadOnlySpan<byte> tlvWithoutMac)
    {
        var full = new byte[ChainingValueLength];
        _cmac.Reset();
        _cmac.BlockUpdate(mcv);
        _cmac.BlockUpdate(tlvWithoutMac);
        _cmac.DoFinal(full);
        return full;
    }
}
