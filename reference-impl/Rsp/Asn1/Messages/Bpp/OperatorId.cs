using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>OperatorId ::= SEQUENCE { mccMnc OCTET STRING (SIZE(3)), gid1 OCTET STRING OPTIONAL, gid2 OCTET STRING OPTIONAL }</c>
/// (SGP.22 v2.2.2 §5.4.1 StoreMetadataRequest profileOwner, §2.9.2 RAT). No component carries a tag, so
/// AUTOMATIC TAGS gives <c>80</c>, <c>81</c>, <c>82</c>.
/// </summary>
public sealed record OperatorId(byte[] MccMnc, byte[]? Gid1 = null, byte[]? Gid2 = null)
{
    private const string Name = "OperatorId";

    /// <summary>Components added after v2.2.2, kept as received.</summary>
    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static OperatorId Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static OperatorId Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        byte[] mccMnc = s.ReadOctetString(Tags.Ctx(0), "mccMnc", exactLength: 3);
        byte[]? gid1 = s.ReadOptionalOctetString(Tags.Ctx(1), "gid1");
        byte[]? gid2 = s.ReadOptionalOctetString(Tags.Ctx(2), "gid2");
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1), Tags.Ctx(2));
        return new OperatorId(mccMnc, gid1, gid2) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            w.WriteOctetString(MccMnc, Tags.Ctx(0));
            if (Gid1 is not null)
            {
                w.WriteOctetString(Gid1, Tags.Ctx(1));
            }
            if (Gid2 is not null)
            {
                w.WriteOctetString(Gid2, Tags.Ctx(2));
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
