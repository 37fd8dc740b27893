namespace Conformance.Adapters.Es9Plus;

/// <summary>
/// Builds BER-TLV by concatenation, so that values the eUICC produced (or a test tampered with) are carried
/// byte for byte, even when they would not decode.
/// </summary>
internal static class Tlv
{
    /// <summary>tag || DER length || content.</summary>
    public static byte[] Of(byte[] tag, params byte[][] content)
    {
        int length = content.Sum(c => c.Length);
        return [.. tag, .. Length(length), .. content.SelectMany(c => c)];
    }

    /// <summary>The same element with its tag replaced (IMPLICIT retagging), the rest unchanged.</summary>
    public static byte[] Retag(byte[] tag, byte[] element)
    {
        int i = 1;
        if (element.Length > 0 && (element[0] & 0x1F) == 0x1F)
        {
            while (i < element.Length && (element[i] & 0x80) != 0)
            {
                i++;
            }
            i++;
        }
        if (element.Length < i)
        {
            throw new ArgumentException("not a TLV: the tag runs past the end", nameof(element));
        }
        return [.. tag, .. element.AsSpan(i)];
    }

    private static byte[] Length(int n) => n switch
    {
        < 0x80 => [(byte)n],
        <= 0xFF => [0x81, (byte)n],
        <= 0xFFFF => [0x82, (byte)(n >> 8), (byte)n],
        _ => [0x83, (byte)(n >> 16), (byte)(n >> 8), (byte)n],
    };
}
