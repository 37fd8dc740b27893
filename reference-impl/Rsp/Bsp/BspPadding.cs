namespace Conformance.Rsp.Bsp;

/// <summary>
/// The padding of encrypted BSP segments (SGP.22 v2.5 §2.6.4, as GlobalPlatform SCP03): append 80,
/// then 00 up to a multiple of 16 bytes. Padding is always added, so a block-aligned input gains a block.
/// </summary>
internal static class BspPadding
{
    public const int BlockSize = 16;

    public static int PaddedLength(int plainLength) => ((plainLength / BlockSize) + 1) * BlockSize;

    public static byte[] Pad(ReadOnlySpan<byte> plain)
    {
        var padded = new byte[PaddedLength(plain.Length)];
        plain.CopyTo(padded);
        padded[plain.Length] = 0x80;
        return padded;
    }

    /// <summary>The length of the data before the padding, or -1 when the padding is not 80 00.. within the last block.</summary>
    public static int UnpaddedLength(ReadOnlySpan<byte> padded)
    {
        int limit = Math.Max(0, padded.Length - BlockSize);
        for (int i = padded.Length - 1; i >= limit; i--)
        {
            if (padded[i] == 0x80)
            {
                return i;
            }
            if (padded[i] != 0x00)
            {
                return -1;
            }
        }
        return -1;
    }
}
