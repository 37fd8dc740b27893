using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10c.DeleteProfile (SGP.22 v2.2.2 §5.7.18): <c>DeleteProfileRequest ::= [51] CHOICE { isdpAid [APPLICATION 15]
/// OctetTo16, iccid Iccid }</c>, tag <c>BF33</c>; a tagged CHOICE is explicit: <c>BF33</c> holding <c>4F</c> or <c>5A</c>.
/// </summary>
public sealed record DeleteProfileRequest(ProfileIdentifier ProfileIdentifier) : IAsn1Message<DeleteProfileRequest>
{
    private const string Name = "DeleteProfileRequest";

    /// <summary>[51], <c>BF33</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(51);

    public static DeleteProfileRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static DeleteProfileRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        var id = ProfileIdentifier.Read(s, Name);
        s.End();
        return new DeleteProfileRequest(id);
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            ProfileIdentifier.Write(w);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>DeleteProfileResponse ::= [51] SEQUENCE { deleteResult INTEGER {...} }</c>, tag <c>BF33</c> (SGP.22 v2.2.2 §5.7.18); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record DeleteProfileResponse(DeleteProfileResult DeleteResult) : IAsn1Message<DeleteProfileResponse>
{
    private const string Name = "DeleteProfileResponse";

    /// <summary>[51], <c>BF33</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(51);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static DeleteProfileResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static DeleteProfileResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((DeleteProfileResult)ResultIo.Read(r, tag ?? Tag, Name, "deleteResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)DeleteResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
