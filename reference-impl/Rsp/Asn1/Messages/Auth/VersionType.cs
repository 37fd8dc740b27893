using System.Formats.Asn1;
using System.Globalization;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// VersionType ::= OCTET STRING(SIZE(3)): major, minor and revision as binary bytes, e.g. '02 02 02'
/// for v2.2.2 (SGP.22 v2.5 RSPDefinitions, basic types). If revision is not used, byte 3 is '00'.
/// </summary>
public sealed record VersionType(byte Major, byte Minor, byte Revision) : IComparable<VersionType>
{
    public const string TypeName = "VersionType";

    /// <summary>Parses "2.2.2" (or "2.1", revision 0).</summary>
    public static VersionType Parse(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"VersionType '{text}' must be major.minor[.revision]");
        }
        byte At(int i) => i < parts.Length ? byte.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture) : (byte)0;
        return new VersionType(At(0), At(1), At(2));
    }

    public static VersionType FromBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length != 3)
        {
            throw new ArgumentException($"VersionType must be 3 bytes, is {value.Length}", nameof(value));
        }
        return new VersionType(value[0], value[1], value[2]);
    }

    public static VersionType Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    /// <summary>Reads one VersionType; <paramref name="tag"/> is the implicit tag of the field (default OCTET STRING).</summary>
    internal static VersionType Read(DerReader r, Asn1Tag? tag = null, string field = "VersionType") =>
        FromBytes(r.ReadOctetString(tag ?? Tags.OctetString, field, exactLength: 3));

    internal static VersionType? ReadOptional(DerReader r, Asn1Tag tag, string field) =>
        r.IsNext(tag) ? Read(r, tag, field) : null;

    public void Write(AsnWriter w, Asn1Tag? tag = null) => w.WriteOctetString(ToBytes(), tag);

    public byte[] Encode() => Der.Encode(w => Write(w));

    public byte[] ToBytes() => [Major, Minor, Revision];

    public int CompareTo(VersionType? other) =>
        other is null ? 1 : (Major, Minor, Revision).CompareTo((other.Major, other.Minor, other.Revision));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Revision}");
}
