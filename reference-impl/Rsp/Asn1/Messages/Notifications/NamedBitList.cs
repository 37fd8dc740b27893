using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// A BIT STRING with named bits (NotificationEvent, PprIds, resetOptions, pprFlags, ...), kept exactly as
/// encoded: the bytes and the number of unused bits in the last byte. Bit 0 is the most significant bit of
/// the first byte (X.680 §22). <see cref="Of(int[])"/> builds the DER form, with trailing zero bits removed
/// (X.690 §11.2.2). Decoding keeps whatever was sent, so <see cref="IsDerMinimal"/> tells whether a peer
/// left trailing zero bits in. Equality compares bytes and unused bits.
/// </summary>
public sealed record NamedBitList
{
    private readonly byte[] _bytes;

    public NamedBitList(byte[] bytes, int unusedBits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (unusedBits is < 0 or > 7 || (bytes.Length == 0 && unusedBits != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unusedBits), unusedBits, "0..7, and 0 for an empty bit string");
        }
        _bytes = (byte[])bytes.Clone();
        UnusedBits = unusedBits;
    }

    /// <summary>The content bytes (after the unused-bits octet).</summary>
    public byte[] Bytes => (byte[])_bytes.Clone();

    /// <summary>Unused bits in the last byte (0..7).</summary>
    public int UnusedBits { get; }

    /// <summary>Number of bits carried.</summary>
    public int Length => _bytes.Length * 8 - UnusedBits;

    /// <summary>The DER encoding of a named bit list with exactly these bits set.</summary>
    public static NamedBitList Of(params int[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length == 0)
        {
            return new NamedBitList([], 0);
        }
        int length = bits.Max() + 1;
        if (bits.Min() < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "bit numbers start at 0");
        }
        var bytes = new byte[(length + 7) / 8];
        foreach (int b in bits)
        {
            bytes[b / 8] |= (byte)(0x80 >> (b % 8));
        }
        return new NamedBitList(bytes, bytes.Length * 8 - length);
    }

    /// <summary>The DER encoding of a named bit list with these named bits (an enum of bit positions) set.</summary>
    public static NamedBitList Of<TBit>(params TBit[] bits) where TBit : struct, Enum =>
        Of(bits.Select(b => Convert.ToInt32(b, System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    public bool IsSet(int bit) => bit >= 0 && bit < Length && (_bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;

    public bool IsSet<TBit>(TBit bit) where TBit : struct, Enum =>
        IsSet(Convert.ToInt32(bit, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The numbers of the bits that are set, ascending.</summary>
    public IReadOnlyList<int> SetBits => Enumerable.Range(0, Length).Where(IsSet).ToArray();

    /// <summary>True when the last bit carried is set (or none is): the DER form of a named bit list.</summary>
    public bool IsDerMinimal => Length == 0 || IsSet(Length - 1);

    public bool Equals(NamedBitList? other) =>
        other is not null && UnusedBits == other.UnusedBits && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        h.Add(UnusedBits);
        return h.ToHashCode();
    }

    public override string ToString() => $"{{{string.Join(",", SetBits)}}}";

    internal static NamedBitList Read(DerReader r, Asn1Tag tag, string field) =>
        new(r.ReadBitString(tag, field, out int unused), unused);

    internal static NamedBitList? ReadOptional(DerReader r, Asn1Tag tag, string field) =>
        r.IsNext(tag) ? Read(r, tag, field) : null;

    public void Write(AsnWriter w, Asn1Tag tag) => w.WriteBitString(_bytes, UnusedBits, tag);
}

/// <summary>PprIds named bits (SGP.22 v2.2.2 §2.9.1, ASN.1 <c>PprIds</c>).</summary>
public enum PprId
{
    pprUpdateControl = 0,
    ppr1 = 1,
    ppr2 = 2,
}

/// <summary>EuiccMemoryResetRequest resetOptions named bits (SGP.22 v2.2.2 §5.7.19).</summary>
public enum ResetOption
{
    deleteOperationalProfiles = 0,
    deleteFieldLoadedTestProfiles = 1,
    resetDefaultSmdpAddress = 2,
}

/// <summary>ProfilePolicyAuthorisationRule pprFlags named bits (SGP.22 v2.2.2 §2.9.2.1).</summary>
public enum PprFlag
{
    consentRequired = 0,
}

/// <summary>IconType ::= INTEGER {jpg(0), png(1)} (SGP.22 v2.2.2 §5.4.1 StoreMetadataRequest).</summary>
public enum IconType
{
    jpg = 0,
    png = 1,
}
