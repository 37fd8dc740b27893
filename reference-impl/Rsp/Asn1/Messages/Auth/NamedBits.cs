using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// A BIT STRING with named bits (RspCapability, UICCCapability, PprIds ...), kept exactly as received
/// (<see cref="Bytes"/> and <see cref="UnusedBits"/>) so it re-encodes to the same octets, with a typed view
/// <see cref="Flags"/>: ASN.1 bit n (bit 0 is the most significant bit of the first octet) is enum value 1 &lt;&lt; n.
/// </summary>
public sealed record NamedBits<TFlags>(byte[] Bytes, int UnusedBits) where TFlags : struct, Enum
{
    /// <summary>Number of bits in the string.</summary>
    public int BitLength => (Bytes.Length * 8) - UnusedBits;

    /// <summary>True when ASN.1 bit <paramref name="bit"/> is present and set.</summary>
    public bool IsSet(int bit) => bit >= 0 && bit < BitLength && (Bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;

    /// <summary>The named bits as flags (bits past 63 are kept in <see cref="Bytes"/> but not shown here).</summary>
    public TFlags Flags
    {
        get
        {
            ulong v = 0;
            for (int bit = 0; bit < Math.Min(BitLength, 64); bit++)
            {
                if (IsSet(bit))
                {
                    v |= 1UL << bit;
                }
            }
            return (TFlags)Enum.ToObject(typeof(TFlags), v);
        }
    }

    public bool Has(TFlags flag)
    {
        ulong f = Convert.ToUInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
        return (Convert.ToUInt64(Flags, System.Globalization.CultureInfo.InvariantCulture) & f) == f;
    }

    /// <summary>The DER named-bit-list form of <paramref name="flags"/>: trailing zero bits removed (X.690 §11.2.2).</summary>
    public static NamedBits<TFlags> From(TFlags flags)
    {
        ulong v = Convert.ToUInt64(flags, System.Globalization.CultureInfo.InvariantCulture);
        int length = v == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(v);
        byte[] bytes = new byte[(length + 7) / 8];
        for (int bit = 0; bit < length; bit++)
        {
            if ((v & (1UL << bit)) != 0)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }
        return new NamedBits<TFlags>(bytes, (bytes.Length * 8) - length);
    }

    internal static NamedBits<TFlags> Read(DerReader r, Asn1Tag tag, string field)
    {
        byte[] bytes = r.ReadBitString(tag, field, out int unused);
        return new NamedBits<TFlags>(bytes, unused);
    }

    internal static NamedBits<TFlags>? ReadOptional(DerReader r, Asn1Tag tag, string field) =>
        r.IsNext(tag) ? Read(r, tag, field) : null;

    public void Write(AsnWriter w, Asn1Tag? tag = null) => w.WriteBitString(Bytes, UnusedBits, tag);

    public override string ToString() => $"{Flags} ({Convert.ToHexString(Bytes)}/{UnusedBits})";
}
