using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>DpProprietaryData ::= SEQUENCE { dpOid OBJECT IDENTIFIER, ... }</c> (SGP.22 v2.2.2 §5.5.2 ConfigureISDP):
/// the OID of the SM-DP+ that created the Profile; "additional data objects defined by the SM-DP+ MAY follow",
/// kept in <see cref="AdditionalData"/> as received. At most 128 bytes with tag and length.
/// </summary>
public sealed record DpProprietaryData(string DpOid)
{
    private const string Name = "DpProprietaryData";

    /// <summary>The SM-DP+ specific data objects after dpOid.</summary>
    public IReadOnlyList<Asn1Element> AdditionalData { get; init; } = [];

    public static DpProprietaryData Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static DpProprietaryData Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        string oid = s.ReadObjectIdentifier(Tags.Oid, "dpOid");
        return new DpProprietaryData(oid) { AdditionalData = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            w.WriteObjectIdentifier(DpOid);
            w.WriteExtensions(AdditionalData);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
