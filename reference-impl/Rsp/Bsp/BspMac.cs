using System.Security.Cryptography;

namespace Conformance.Rsp.Bsp;

/// <summary>
/// The MAC of BSP segments (SGP.22 v2.5 §2.6.4): AES-CMAC under S-MAC over
/// MCV || tag || length || data. The first 8 bytes are appended to the segment; the full 16 bytes
/// become the MAC chaining value (MCV) of the next segment.
/// </summary>
/// <remarks>
/// CMAC (NIST SP 800-38B, RFC 4493) computed as an AES-CBC-MAC with a zero IV whose last block is XORed with
/// subkey K1 (complete block) or padded with 10* and XORed with K2, on .NET's AES (hardware AES through the
/// platform library) rather than a block-by-block software AES.
/// </remarks>
internal sealed class BspMac : IDisposable
{
    public const int MacLength = 8;
    public const int ChainingValueLength = 16;

    private const int Block = 16;
    private readonly Aes _aes;
    private readonly byte[] _k1;
    private readonly byte[] _k2;

    public BspMac(byte[] sMac)
    {
        _aes = Aes.Create();
        _aes.Key = sMac;
        // RFC 4493 §2.3: L = AES(K, 0^128); K1 = dbl(L); K2 = dbl(K1).
        byte[] l = _aes.EncryptEcb(new byte[Block], PaddingMode.None);
        _k1 = Double(l);
        _k2 = Double(_k1);
    }

    /// <summary>The full 16-byte CMAC over <paramref name="mcv"/> || <paramref name="tlvWithoutMac"/>.</summary>
    public byte[] Compute(ReadOnlySpan<byte> mcv, ReadOnlySpan<byte> tlvWithoutMac)
    {
        int length = mcv.Length + tlvWithoutMac.Length;
        bool complete = length > 0 && length % Block == 0;
        int padded = complete ? length : (length / Block + 1) * Block;
        byte[] message = new byte[padded];
        mcv.CopyTo(message);
        tlvWithoutMac.CopyTo(message.AsSpan(mcv.Length));
        if (!complete)
        {
            message[length] = 0x80;
        }
        Span<byte> last = message.AsSpan(padded - Block);
        byte[] subkey = complete ? _k1 : _k2;
        for (int i = 0; i < Block; i++)
        {
            last[i] ^= subkey[i];
        }
        byte[] cipher = _aes.EncryptCbc(message, new byte[Block], PaddingMode.None);
        return cipher[^Block..];
    }

    /// <summary>Multiplication by x in GF(2^128) (RFC 4493 §2.3): shift left by one bit, XOR 0x87 on carry.</summary>
    private static byte[] Double(byte[] v)
    {
        var d = new byte[Block];
        for (int i = 0; i < Block; i++)
        {
            d[i] = (byte)((v[i] << 1) | (i + 1 < Block ? v[i + 1] >> 7 : 0));
        }
        if ((v[0] & 0x80) != 0)
        {
            d[Block - 1] ^= 0x87;
        }
        return d;
    }

    public void Dispose() => _aes.Dispose();
}
