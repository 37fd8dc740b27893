using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// searchCriteria of ProfileInfoListRequest: <c>[0] CHOICE { isdpAid [APPLICATION 15] OctetTo16, iccid Iccid,
/// profileClass [21] ProfileClass }</c> (explicit <c>A0</c> holding <c>4F</c>, <c>5A</c> or <c>95</c>). Exactly one is set.
/// </summary>
public sealed record ProfileInfoSearchCriteria
{
    private ProfileInfoSearchCriteria()
    {
    }

    public static ProfileInfoSearchCriteria ByIsdpAid(byte[] isdpAid) => new() { IsdpAid = isdpAid };

    public static ProfileInfoSearchCriteria ByIccid(Iccid iccid) => new() { Iccid = iccid };

    public static ProfileInfoSearchCriteria ByProfileClass(ProfileClass profileClass) => new() { ProfileClass = profileClass };

    public byte[]? IsdpAid { get; private init; }

    public Iccid? Iccid { get; private init; }

    public ProfileClass? ProfileClass { get; private init; }

    internal static ProfileInfoSearchCriteria Read(DerReader c)
    {
        ProfileInfoSearchCriteria result;
        if (c.IsNext(Tags.Ctx(21)))
        {
            result = ByProfileClass((ProfileClass)c.ReadInt32(Tags.Ctx(21), "profileClass"));
        }
        else if (c.IsNext(ProfileIdentifier.IsdpAidTag) || c.IsNext(Messages.Iccid.Tag))
        {
            ProfileIdentifier id = ProfileIdentifier.Read(c, "searchCriteria");
            result = id.IsdpAid is not null ? ByIsdpAid(id.IsdpAid) : ByIccid(id.Iccid!);
        }
        else
        {
            throw c.UnknownAlternative("searchCriteria");
        }
        c.End();
        return result;
    }

    internal void Write(AsnWriter w)
    {
        using (w.PushSequence(Tags.CtxC(0)))
        {
            if (IsdpAid is not null)
            {
                w.WriteOctetString(IsdpAid, ProfileIdentifier.IsdpAidTag);
            }
            else if (Iccid is not null)
            {
                Iccid.Write(w);
            }
            else
            {
                w.WriteInteger((int)ProfileClass!.Value, Tags.Ctx(21));
            }
        }
    }
}

/// <summary>
/// ES10c.GetProfilesInfo (SGP.22 v2.2.2 §5.7.15): <c>ProfileInfoListRequest ::= [45] SEQUENCE { searchCriteria [0]
/// CHOICE {...} OPTIONAL, tagList [APPLICATION 28] OCTET STRING OPTIONAL }</c>, tag <c>BF2D</c>; tagList is <c>5C</c>,
/// the tags of the ProfileInfo fields wanted.
/// </summary>
public sealed record ProfileInfoListRequest(ProfileInfoSearchCriteria? SearchCriteria = null, byte[]? TagList = null) : IAsn1Message<ProfileInfoListRequest>
{
    private const string Name = "ProfileInfoListRequest";

    /// <summary>[45], <c>BF2D</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(45);

    private static readonly Asn1Tag TagListTag = Tags.App(28);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ProfileInfoListRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfileInfoListRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        DerReader? c = s.ReadOptionalConstructed(Tags.CtxC(0), "searchCriteria");
        ProfileInfoSearchCriteria? criteria = c is null ? null : ProfileInfoSearchCriteria.Read(c);
        byte[]? tagList = s.ReadOptionalOctetString(TagListTag, "tagList");
        return new ProfileInfoListRequest(criteria, tagList) { Extensions = s.ReadExtensionsAfter(Tags.CtxC(0), TagListTag) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            SearchCriteria?.Write(w);
            if (TagList is not null)
            {
                w.WriteOctetString(TagList, TagListTag);
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>ProfileInfoListResponse ::= [45] CHOICE { profileInfoListOk SEQUENCE OF ProfileInfo, profileInfoListError
/// ProfileInfoListError }</c>, tag <c>BF2D</c> (SGP.22 v2.2.2 §5.7.15): explicit, <c>A0</c> list or <c>81</c> error.
/// Exactly one is set.
/// </summary>
public sealed record ProfileInfoListResponse : IAsn1Message<ProfileInfoListResponse>
{
    private const string Name = "ProfileInfoListResponse";

    public ProfileInfoListResponse(IReadOnlyList<ProfileInfo> profileInfoListOk) => ProfileInfoListOk = profileInfoListOk;

    public ProfileInfoListResponse(ProfileInfoListError profileInfoListError) => ProfileInfoListError = profileInfoListError;

    /// <summary>[45], <c>BF2D</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(45);

    public IReadOnlyList<ProfileInfo>? ProfileInfoListOk { get; }

    public ProfileInfoListError? ProfileInfoListError { get; }

    public static ProfileInfoListResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfileInfoListResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ListOrErrorIo.Read(r, tag ?? Tag, Name,
            s => new ProfileInfoListResponse(ListOrErrorIo.ReadList(s, "profileInfoListOk", l => ProfileInfo.Read(l))),
            "profileInfoListError", e => new ProfileInfoListResponse((ProfileInfoListError)e));

    public void Write(AsnWriter w, Asn1Tag? tag = null) =>
        ListOrErrorIo.Write(w, tag ?? Tag, ListOrErrorIo.List(ProfileInfoListOk, (x, p) => p.Write(x)), (int?)ProfileInfoListError);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
