using System.Formats.Asn1;
using System.Text;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>Iccid ::= [APPLICATION 26] OCTET STRING (SIZE(10))</c>, tag <c>5A</c>: the ICCID as coded in EF ICCID,
/// BCD with the nibbles of each byte swapped and padded with <c>F</c> (SGP.22 v2.2.2 §2.1, ASN.1 module).
/// <c>98001032547698103214</c> on the wire is ICCID <c>89000123456789012341</c>.
/// Equality compares the ten bytes.
/// </summary>
public sealed record Iccid
{
    /// <summary>[APPLICATION 26], <c>5A</c>.</summary>
    public static readonly Asn1Tag Tag = Tags.App(26);

    private readonly byte[] _value;

    /// <summary>Wraps the ten encoded bytes (swapped-nibble BCD) as they appear in the <c>5A</c> value.</summary>
    public Iccid(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 10)
        {
            throw new ArgumentException($"an ICCID is 10 bytes, got {value.Length}", nameof(value));
        }
        _value = (byte[])value.Clone();
    }

    /// <summary>The ten bytes as coded in EF ICCID (nibble-swapped BCD).</summary>
    public byte[] Value => (byte[])_value.Clone();

    /// <summary>Builds the coded form from the printed ICCID (up to 20 digits; shorter ones are padded with F).</summary>
    public static Iccid FromString(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length is 0 or > 20 || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException($"an ICCID is 1 to 20 decimal digits, got '{digits}'");
        }
        string padded = digits.PadRight(20, 'F');
        var value = new byte[10];
        for (int i = 0; i < 10; i++)
        {
            int hi = Nibble(padded[2 * i]);
            int lo = Nibble(padded[2 * i + 1]);
            // EF ICCID swaps the nibbles: the first digit sits in the low nibble.
            value[i] = (byte)((lo << 4) | hi);
        }
        return new Iccid(value);
    }

    private static int Nibble(char c) => c == 'F' ? 0xF : c - '0';

    /// <summary>The printed ICCID: nibbles un-swapped, trailing F padding dropped.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(20);
        foreach (byte b in _value)
        {
            sb.Append(Digit(b & 0xF)).Append(Digit(b >> 4));
        }
        return sb.ToString().TrimEnd('F');
    }

    private static char Digit(int n) => n < 10 ? (char)('0' + n) : (char)('A' + n - 10);

    public bool Equals(Iccid? other) => other is not null && _value.AsSpan().SequenceEqual(other._value);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_value);
        return h.ToHashCode();
    }

    internal static Iccid Read(DerReader r, Asn1Tag? tag = null, string field = "iccid") =>
        new(r.ReadOctetString(tag ?? Tag, field, exactLength: 10));

    internal static Iccid? ReadOptional(DerReader r, Asn1Tag? tag = null, string field = "iccid") =>
        r.IsNext(tag ?? Tag) ? Read(r, tag, field) : null;

    public void Write(AsnWriter w, Asn1Tag? tag = null) => w.WriteOctetString(_value, tag ?? Tag);
}
