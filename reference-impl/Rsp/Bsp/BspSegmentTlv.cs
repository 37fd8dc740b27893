namespace Conformance.Rsp.Bsp;

/// <summary>
/// The TLV frame of one BSP segment: a one-byte tag, a definite length (1 to 3 bytes, minimal),
/// then data || MAC (SGP.22 v2.5 §2.6.4). A whole segment is at most 1020 bytes.
/// </summary>
internal static class BspSegmentTlv
{
    public const int MaxSegmentLength = 1020;

    public static int LengthOfLength(int valueLength) => valueLength switch
    {
        < 0x80 => 1,
        < 0x100 => 2,
        < 0x10000 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(valueLength), "a BSP segment value is below 64 KiB"),
    };

    /// <summary>Writes tag and length at the start of <paramref name="destination"/>; returns the header length.</summary>
    public static int WriteHeader(Span<byte> destination, byte tag, int valueLength)
    {
        destination[0] = tag;
        switch (LengthOfLength(valueLength))
        {
            case 1:
                destination[1] = (byte)valueLength;
                return 2;
            case 2:
                destination[1] = 0x81;
                destination[2] = (byte)valueLength;
                return 3;
            default:
                destination[1] = 0x82;
                destination[2] = (byte)(valueLength >> 8);
                destination[3] = (byte)valueLength;
                return 4;
        }
    }

    /// <summary>Parses the frame; returns null on success or the problem found.</summary>
    public static string? TryParse(ReadOnlySpan<byte> segment, out byte tag, out int headerLength)
    {
        tag = 0;
        headerLength = 0;
        if (segment.Length < 2)
        {
            return $"{segment.Length} byte(s) cannot hold a tag and a length";
        }
        tag = segment[0];
        if ((tag & 0x1F) == 0x1F)
        {
            return $"tag {tag:X2} announces a multi-byte tag; BSP tags are one byte";
        }
        int length;
        switch (segment[1])
        {
            case < 0x80:
                length = segment[1];
                headerLength = 2;
                break;
            case 0x81 when segment.Length >= 3:
                length = segment[2];
                headerLength = 3;
                if (length < 0x80)
                {
                    return $"non-minimal length 81 {length:X2}";
                }
                break;
            case 0x82 when segment.Length >= 4:
                length = (segment[2] << 8) | segment[3];
                headerLength = 4;
                if (length < 0x100)
                {
                    return $"non-minimal length 82 {length:X4}";
                }
                break;
            default:
                return $"unsupported or truncated length byte {segment[1]:X2}";
        }
        if (headerLength + length != segment.Length)
        {
            return $"length {length} announced, {segment.Length - headerLength} byte(s) present";
        }
        return null;
    }
}
