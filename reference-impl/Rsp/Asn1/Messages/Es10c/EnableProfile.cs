using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10c.EnableProfile (SGP.22 v2.2.2 §5.7.16): <c>EnableProfileRequest ::= [49] SEQUENCE { profileIdentifier CHOICE { isdpAid
/// [APPLICATION 15] OctetTo16, iccid Iccid }, refreshFlag BOOLEAN }</c>, tag <c>BF31</c>. No component carries a tag,
/// so AUTOMATIC TAGS gives profileIdentifier <c>[0]</c>, explicit because it is a CHOICE (<c>A0</c> holding
/// <c>4F</c> or <c>5A</c>), and refreshFlag <c>81</c>.
/// </summary>
public sealed record EnableProfileRequest(ProfileIdentifier ProfileIdentifier, bool RefreshFlag) : IAsn1Message<EnableProfileRequest>
{
    private const string Name = "EnableProfileRequest";

    /// <summary>[49], <c>BF31</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(49);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EnableProfileRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EnableProfileRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        var (id, refresh, ext) = ProfileSwitchIo.Read(r, tag ?? Tag, Name);
        return new EnableProfileRequest(id, refresh) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ProfileSwitchIo.Write(w, tag ?? Tag, ProfileIdentifier, RefreshFlag, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>EnableProfileResponse ::= [49] SEQUENCE { enableResult INTEGER {...} }</c>, tag <c>BF31</c> (SGP.22 v2.2.2 §5.7.16); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record EnableProfileResponse(EnableProfileResult EnableResult) : IAsn1Message<EnableProfileResponse>
{
    private const string Name = "EnableProfileResponse";

    /// <summary>[49], <c>BF31</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(49);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EnableProfileResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EnableProfileResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((EnableProfileResult)ResultIo.Read(r, tag ?? Tag, Name, "enableResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)EnableResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
