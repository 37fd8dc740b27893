using System.Buffers.Binary;
using System.Security.Cryptography;
using Conformance.Euicc.Es8;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Euicc.Faults;

/// <summary>
/// The <see cref="EuiccDefect.AcceptBadBspMac"/> defect: a BSP that decrypts segments (AES-CBC under S-ENC with
/// ICV = AES(S-ENC, block counter), SGP.22 v2.5 §2.6.4) and frames them, but never checks their MAC.
/// </summary>
internal sealed class UncheckedBsp(SessionKeys keys) : ISegmentProtection
{
    private readonly Aes _aes = CreateAes(keys.SEnc);
    private ulong _counter = 1;

    private static Aes CreateAes(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }

    public byte[] VerifyAndDecrypt(byte tag, ReadOnlySpan<byte> segment)
    {
        ReadOnlySpan<byte> data = Frame(tag, segment);
        if (data.Length == 0 || data.Length % 16 != 0)
        {
            throw new BspException(0, BspError.MalformedSegment, "encrypted data is not a positive multiple of 16");
        }
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[8..], _counter++);
        byte[] icv = _aes.EncryptEcb(block, PaddingMode.None);
        byte[] padded = _aes.DecryptCbc(data, icv, PaddingMode.None);
        int end = Array.LastIndexOf(padded, (byte)0x80);
        if (end < 0 || end < padded.Length - 16 || padded.AsSpan(end + 1).ContainsAnyExcept((byte)0))
        {
            throw new BspException(0, BspError.BadPadding, "no 80 00.. padding");
        }
        return padded[..end];
    }

    public byte[] VerifyMacOnly(byte tag, ReadOnlySpan<byte> segment)
    {
        _counter++;
        return Frame(tag, segment).ToArray();
    }

    public ISegmentProtection Replace(SessionKeys ppk) => new UncheckedBsp(ppk);

    /// <summary>The data between header and MAC after checking tag, length and the 1020-byte limit.</summary>
    private static ReadOnlySpan<byte> Frame(byte tag, ReadOnlySpan<byte> segment)
    {
        if (segment.Length > BspInstance.MaxSegmentLength)
        {
            throw new BspException(0, BspError.OversizedSegment, $"{segment.Length} bytes");
        }
        if (segment.Length < 2 || segment[0] != tag)
        {
            throw new BspException(0, BspError.WrongTag, $"expected tag {tag:X2}");
        }
        int header = segment[1] switch { < 0x80 => 2, 0x81 => 3, 0x82 => 4, _ => 0 };
        if (header == 0 || segment.Length < header + BspInstance.MacLength)
        {
            throw new BspException(0, BspError.MalformedSegment, "bad length");
        }
        return segment[header..^BspInstance.MacLength];
    }

    public void Dispose() => _aes.Dispose();
}
