using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10c.DisableProfile (SGP.22 v2.2.2 §5.7.17): <c>DisableProfileRequest ::= [50] SEQUENCE { profileIdentifier CHOICE { isdpAid
/// [APPLICATION 15] OctetTo16, iccid Iccid }, refreshFlag BOOLEAN }</c>, tag <c>BF32</c>. No component carries a tag,
/// so AUTOMATIC TAGS gives profileIdentifier <c>[0]</c>, explicit because it is a CHOICE (<c>A0</c> holding
/// <c>4F</c> or <c>5A</c>), and refreshFlag <c>81</c>.
/// </summary>
public sealed record DisableProfileRequest(ProfileIdentifier ProfileIdentifier, bool RefreshFlag) : IAsn1Message<DisableProfileRequest>
{
    private const string Name = "DisableProfileRequest";

    /// <summary>[50], <c>BF32</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(50);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static DisableProfileRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static DisableProfileRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        var (id, refresh, ext) = ProfileSwitchIo.Read(r, tag ?? Tag, Name);
        return new DisableProfileRequest(id, refresh) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ProfileSwitchIo.Write(w, tag ?? Tag, ProfileIdentifier, RefreshFlag, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>DisableProfileResponse ::= [50] SEQUENCE { disableResult INTEGER {...} }</c>, tag <c>BF32</c> (SGP.22 v2.2.2 §5.7.17); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record DisableProfileResponse(DisableProfileResult DisableResult) : IAsn1Message<DisableProfileResponse>
{
    private const string Name = "DisableProfileResponse";

    /// <summary>[50], <c>BF32</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(50);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static DisableProfileResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static DisableProfileResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((DisableProfileResult)ResultIo.Read(r, tag ?? Tag, Name, "disableResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)DisableResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
