using System.Security.Cryptography;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Bsp;

/// <summary>
/// One BSP instance (SGP.22 v2.5 §2.6.4, SCP03t): S-ENC, S-MAC, the MAC chaining value and the block
/// counter shared by every segment protected — or verified — with the same session keys, in order.
/// The SM-DP+ protects with <see cref="EncryptAndMac"/> and <see cref="MacOnly"/>; the eUICC checks with
/// <see cref="VerifyAndDecrypt"/> and <see cref="VerifyMacOnly"/>. A refused segment throws
/// <see cref="BspException"/> and leaves the state unchanged. Not thread-safe.
/// </summary>
public sealed class BspInstance : IDisposable
{
    /// <summary>A segment (tag, length, data, MAC) is at most 1020 bytes.</summary>
    public const int MaxSegmentLength = BspSegmentTlv.MaxSegmentLength;

    /// <summary>Length of the MAC appended to each segment.</summary>
    public const int MacLength = BspMac.MacLength;

    private readonly BspCipher _cipher;
    private readonly BspMac _mac;
    private byte[] _mcv;

    public BspInstance(SessionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _cipher = new BspCipher(keys.SEnc);
        _mac = new BspMac(keys.SMac);
        _mcv = keys.InitialMacChainingValue;
    }

    /// <summary>
    /// Refuse to produce segments over 1020 bytes (default). The reference SM-DP+ turns it off only
    /// for its named fault "oversized BPP segment"; verification always enforces the limit.
    /// </summary>
    public bool EnforceSegmentLimit { get; init; } = true;

    /// <summary>Index of the next segment within this instance (0 for the first).</summary>
    public int SegmentIndex { get; private set; }

    /// <summary>
    /// Block counter of the next segment: starts at 1 and grows by one per segment, MAC-only '88'
    /// segments included (as GlobalPlatform SCP03 counts every command, data encrypted or not).
    /// The vectors of shared/vectors/bsp.json, traced from an independent SM-DP+, show it: an '87'
    /// segment after one '87' and one '88' is encrypted with counter 3.
    /// </summary>
    public ulong BlockCounter { get; private set; } = 1;

    /// <summary>The current MAC chaining value (16 bytes).</summary>
    public byte[] MacChainingValue => (byte[])_mcv.Clone();

    /// <summary>
    /// The longest plain data that fits in one segment: 1007 bytes encrypted (padding always adds at
    /// least one byte; 4 + 1008 + 8 = 1020), 1008 bytes MAC only.
    /// </summary>
    public static int MaxPlainLength(bool encrypted) => encrypted ? 1007 : 1008;

    /// <summary>
    /// ReplaceSessionKeys (SGP.22 v2.5 §5.5.4): a fresh BSP instance with PPK-ENC, PPK-MAC and the PPK
    /// initial MCV, whose block counter and MAC chaining restart; the profile segments ('86') use it.
    /// </summary>
    public BspInstance ReplaceSessionKeys(SessionKeys ppk) => new(ppk) { EnforceSegmentLimit = EnforceSegmentLimit };

    /// <summary>Encrypts and MACs <paramref name="plain"/> as one segment with <paramref name="tag"/> ('86' or '87').</summary>
    public byte[] EncryptAndMac(byte tag, ReadOnlySpan<byte> plain)
    {
        int dataLength = BspPadding.PaddedLength(plain.Length);
        byte[] segment = NewSegment(tag, dataLength, out int header);
        _cipher.Encrypt(BlockCounter, plain, segment.AsSpan(header, dataLength));
        Seal(segment);
        BlockCounter++;
        return segment;
    }

    /// <summary>MACs <paramref name="plain"/> as one segment with <paramref name="tag"/> ('88'), data in clear.</summary>
    public byte[] MacOnly(byte tag, ReadOnlySpan<byte> plain)
    {
        byte[] segment = NewSegment(tag, plain.Length, out int header);
        plain.CopyTo(segment.AsSpan(header));
        Seal(segment);
        BlockCounter++;
        return segment;
    }

    /// <summary>Checks frame, tag and MAC of an encrypted segment, then decrypts and removes the padding.</summary>
    public byte[] VerifyAndDecrypt(byte expectedTag, ReadOnlySpan<byte> segment)
    {
        (int header, byte[] nextMcv) = Check(expectedTag, segment, encrypted: true);
        ReadOnlySpan<byte> cipher = segment[header..^MacLength];
        byte[] padded = _cipher.DecryptPadded(BlockCounter, cipher);
        int length = BspPadding.UnpaddedLength(padded);
        if (length < 0)
        {
            throw Fail(BspError.BadPadding, "the decrypted data does not end with 80 00.. in its last block");
        }
        Commit(nextMcv);
        BlockCounter++;
        return padded[..length];
    }

    /// <summary>Checks frame, tag and MAC of a MAC-only segment and returns its data.</summary>
    public byte[] VerifyMacOnly(byte expectedTag, ReadOnlySpan<byte> segment)
    {
        (int header, byte[] nextMcv) = Check(expectedTag, segment, encrypted: false);
        Commit(nextMcv);
        BlockCounter++;
        return segment[header..^MacLength].ToArray();
    }

    public void Dispose()
    {
        _cipher.Dispose();
        _mac.Dispose();
    }

    private byte[] NewSegment(byte tag, int dataLength, out int header)
    {
        if ((tag & 0x1F) == 0x1F)
        {
            throw new ArgumentException($"tag {tag:X2} is not a one-byte tag", nameof(tag));
        }
        int valueLength = dataLength + MacLength;
        int total = 1 + BspSegmentTlv.LengthOfLength(valueLength) + valueLength;
        // SGP.22 §2.6.4: a segment, including tag, length and MAC, is at most 1020 bytes.
        if (EnforceSegmentLimit && total > MaxSegmentLength)
        {
            throw Fail(BspError.OversizedSegment, $"the segment would be {total} bytes, more than {MaxSegmentLength}");
        }
        var segment = new byte[total];
        header = BspSegmentTlv.WriteHeader(segment, tag, valueLength);
        return segment;
    }

    private void Seal(byte[] segment)
    {
        byte[] full = _mac.Compute(_mcv, segment.AsSpan(0, segment.Length - MacLength));
        full.AsSpan(0, MacLength).CopyTo(segment.AsSpan(segment.Length - MacLength));
        Commit(full);
    }

    private (int Header, byte[] NextMcv) Check(byte expectedTag, ReadOnlySpan<byte> segment, bool encrypted)
    {
        // SGP.22 §2.6.4: a segment is at most 1020 bytes; an instance that does not enforce the limit reads longer ones.
        if (EnforceSegmentLimit && segment.Length > MaxSegmentLength)
        {
            throw Fail(BspError.OversizedSegment, $"{segment.Length} bytes, more than {MaxSegmentLength}");
        }
        if (BspSegmentTlv.TryParse(segment, out byte tag, out int header) is string problem)
        {
            throw Fail(BspError.MalformedSegment, problem);
        }
        if (tag != expectedTag)
        {
            throw Fail(BspError.WrongTag, $"expected tag {expectedTag:X2}, found {tag:X2}");
        }
        int dataLength = segment.Length - header - MacLength;
        if (dataLength < 0 || (encrypted && (dataLength == 0 || dataLength % BspPadding.BlockSize != 0)))
        {
            throw Fail(BspError.MalformedSegment, encrypted
                ? $"encrypted data of {dataLength} byte(s) is not a positive multiple of 16 followed by an 8-byte MAC"
                : "the value is shorter than the 8-byte MAC");
        }
        byte[] full = _mac.Compute(_mcv, segment[..^MacLength]);
        if (!CryptographicOperations.FixedTimeEquals(full.AsSpan(0, MacLength), segment[^MacLength..]))
        {
            throw Fail(BspError.MacMismatch, $"MAC {Convert.ToHexString(segment[^MacLength..])} does not match the CMAC under S-MAC");
        }
        return (header, full);
    }

    private void Commit(byte[] nextMcv)
    {
        _mcv = nextMcv;
        SegmentIndex++;
    }

    private BspException Fail(BspError reason, string detail) => new(SegmentIndex, reason, detail);
}
