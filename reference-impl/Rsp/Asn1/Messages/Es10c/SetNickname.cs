using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10c.SetNickname (SGP.22 v2.2.2 §5.7.21): <c>SetNicknameRequest ::= [41] SEQUENCE { iccid Iccid, profileNickname
/// [16] UTF8String (SIZE(0..64)) }</c>, tag <c>BF29</c>: <c>5A</c>, <c>90</c>.
/// </summary>
public sealed record SetNicknameRequest(Iccid Iccid, string ProfileNickname) : IAsn1Message<SetNicknameRequest>
{
    private const string Name = "SetNicknameRequest";

    /// <summary>[41], <c>BF29</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(41);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static SetNicknameRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static SetNicknameRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        Iccid iccid = Messages.Iccid.Read(s);
        string nickname = s.ReadUtf8String(Tags.Ctx(16), "profileNickname", maxLength: 64);
        return new SetNicknameRequest(iccid, nickname) { Extensions = s.ReadExtensionsAfter(Messages.Iccid.Tag, Tags.Ctx(16)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            Iccid.Write(w);
            w.WriteUtf8(ProfileNickname, Tags.Ctx(16));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>SetNicknameResponse ::= [41] SEQUENCE { setNicknameResult INTEGER {...} }</c>, tag <c>BF29</c> (SGP.22 v2.2.2 §5.7.21); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record SetNicknameResponse(SetNicknameResult SetNicknameResult) : IAsn1Message<SetNicknameResponse>
{
    private const string Name = "SetNicknameResponse";

    /// <summary>[41], <c>BF29</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(41);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static SetNicknameResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static SetNicknameResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((SetNicknameResult)ResultIo.Read(r, tag ?? Tag, Name, "setNicknameResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)SetNicknameResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
