using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Conformance.Rsp.Crypto;

namespace Conformance.Adapters.Bpp;

/// <summary>
/// Tests one explanation of '86' segments whose MACs verify but whose data does not decrypt to a profile: the
/// SM-DP+ did not increment the block counter between them. Written from SGP.22 v2.5 §2.6.4, independently of the
/// BSP code under test: ICV = AES(S-ENC, block counter as 16 bytes big-endian), then AES-CBC, padding 80 00..
/// </summary>
internal static class BlockCounterProbe
{
    private const int MacLength = 8;

    /// <summary>The segments decrypted with one counter for all, or null when one of them does not unpad.</summary>
    public static byte[]? DecryptAllWith(SessionKeys keys, ulong counter, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        using Aes aes = Aes.Create();
        aes.Key = keys.SEnc;
        var block = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(block.AsSpan(8), counter);
        byte[] icv = aes.EncryptEcb(block, PaddingMode.None);
        using var plain = new MemoryStream();
        foreach (ReadOnlyMemory<byte> segment in segments)
        {
            AsnDecoder.ReadEncodedValue(segment.Span, AsnEncodingRules.BER, out int contentOffset, out int contentLength, out _);
            ReadOnlySpan<byte> cipher = segment.Span.Slice(contentOffset, contentLength - MacLength);
            if (cipher.Length == 0 || cipher.Length % 16 != 0)
            {
                return null;
            }
            byte[] padded = aes.DecryptCbc(cipher, icv, PaddingMode.None);
            int end = Array.LastIndexOf(padded, (byte)0x80);
            if (end < padded.Length - 16 || padded.AsSpan(end + 1).ContainsAnyExcept((byte)0))
            {
                return null;
            }
            plain.Write(padded, 0, end);
        }
        return plain.ToArray();
    }
}
