using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// GetEuiccDataRequest ::= [62] SEQUENCE { tagList [APPLICATION 28] Octet1 } -- Tag 'BF3E', tagList '5C'
/// (ES10c.GetEID, SGP.22 v2.5 §5.7.20).
/// </summary>
public sealed record GetEuiccDataRequest(byte[] TagList) : IAsn1Message<GetEuiccDataRequest>
{
    public const string TypeName = "GetEuiccDataRequest";

    public static Asn1Tag Tag => Tags.CtxC(62);

    /// <summary>The request for the EID: "tagList ... the value SHALL be set to '5A'".</summary>
    public static GetEuiccDataRequest ForEid() => new([0x5A]);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetEuiccDataRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccDataRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccDataRequest", TypeName);
        byte[] tagList = s.ReadOctetString(Tags.App(28), "tagList", exactLength: 1);
        return new GetEuiccDataRequest(tagList) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TagList, Tags.App(28));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// GetEuiccDataResponse ::= [62] SEQUENCE { eidValue [APPLICATION 26] Octet16 } -- Tag 'BF3E', eidValue '5A'
/// (SGP.22 v2.5 §5.7.20).
/// </summary>
public sealed record GetEuiccDataResponse(byte[] EidValue) : IAsn1Message<GetEuiccDataResponse>
{
    public const string TypeName = "GetEuiccDataResponse";

    public static Asn1Tag Tag => Tags.CtxC(62);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>The EID as 32 hex digits.</summary>
    public string Eid => Convert.ToHexString(EidValue);

    public static GetEuiccDataResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccDataResponse Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccDataResponse", TypeName);
        byte[] eid = s.ReadOctet16(Tags.App(26), "eidValue");
        return new GetEuiccDataResponse(eid) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(EidValue, Tags.App(26));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
