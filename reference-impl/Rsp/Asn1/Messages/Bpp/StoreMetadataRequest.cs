using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES8+.StoreMetadata (SGP.22 v2.2.2 §5.5.3, fields §5.4.1): <c>StoreMetadataRequest ::= [37] SEQUENCE</c>, tag
/// <c>BF25</c>, carried MAC-only in the <c>88</c> segments of the BPP and as profileMetadata in AuthenticateClient.
/// <para>
/// profileClass is <c>DEFAULT operational</c> (v2.2.2; "OPTIONAL, default if absent" in older texts). DER omits a
/// value equal to its DEFAULT, but SM-DP+s in the field send <c>95 01 02</c>. This record keeps what was sent:
/// <see cref="ProfileClass"/> is null when absent and the value when encoded, explicitly encoded default
/// included, so the <c>88</c> segments (which the MAC covers) re-encode identically. Use
/// <see cref="EffectiveProfileClass"/> for the meaning and <see cref="EncodesDefaultProfileClass"/> to flag it.
/// </para>
/// </summary>
public sealed record StoreMetadataRequest(Iccid Iccid, string ServiceProviderName, string ProfileName)
    : IAsn1Message<StoreMetadataRequest>
{
    private const string Name = "StoreMetadataRequest";

    /// <summary>[37], <c>BF25</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(37);

    /// <summary>iconType [19] (<c>93</c>).</summary>
    public IconType? IconType { get; init; }

    /// <summary>icon [20] (<c>94</c>), 0..1024 bytes; "SHALL only be present if iconType is present".</summary>
    public byte[]? Icon { get; init; }

    /// <summary>profileClass [21] (<c>95</c>) as encoded; null when absent (meaning operational).</summary>
    public ProfileClass? ProfileClass { get; init; }

    /// <summary>notificationConfigurationInfo [22] (<c>B6</c>).</summary>
    public IReadOnlyList<NotificationConfigurationInformation>? NotificationConfigurationInfo { get; init; }

    /// <summary>profileOwner [23] (<c>B7</c>).</summary>
    public OperatorId? ProfileOwner { get; init; }

    /// <summary>profilePolicyRules [25] (<c>99</c>), bits of <see cref="PprId"/>.</summary>
    public NamedBitList? ProfilePolicyRules { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>The profile class this metadata means: operational when absent.</summary>
    public ProfileClass EffectiveProfileClass => ProfileClass ?? StatusCodes.ProfileClass.operational;

    /// <summary>True when profileClass is encoded with its DEFAULT value (not DER, accepted on decoding).</summary>
    public bool EncodesDefaultProfileClass => ProfileClass == StatusCodes.ProfileClass.operational;

    private static readonly Asn1Tag[] RootTags =
    [
        Iccid.Tag, Tags.Ctx(17), Tags.Ctx(18), Tags.Ctx(19), Tags.Ctx(20), Tags.Ctx(21), Tags.CtxC(22), Tags.CtxC(23), Tags.Ctx(25),
    ];

    public static StoreMetadataRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static StoreMetadataRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        Iccid iccid = Iccid.Read(s);
        string spn = s.ReadUtf8String(Tags.Ctx(17), "serviceProviderName", maxLength: 32);
        string profileName = s.ReadUtf8String(Tags.Ctx(18), "profileName", maxLength: 64);
        SharedMetadataFields shared = SharedMetadataFields.Read(s);
        NamedBitList? ppr = NamedBitList.ReadOptional(s, Tags.Ctx(25), "profilePolicyRules");
        return new StoreMetadataRequest(iccid, spn, profileName)
        {
            IconType = shared.IconType,
            Icon = shared.Icon,
            ProfileClass = shared.ProfileClass,
            NotificationConfigurationInfo = shared.NotificationConfigurationInfo,
            ProfileOwner = shared.ProfileOwner,
            ProfilePolicyRules = ppr,
            Extensions = s.ReadExtensionsAfter(RootTags),
        };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            Iccid.Write(w);
            w.WriteUtf8(ServiceProviderName, Tags.Ctx(17));
            w.WriteUtf8(ProfileName, Tags.Ctx(18));
            new SharedMetadataFields(IconType, Icon, ProfileClass, NotificationConfigurationInfo, ProfileOwner).Write(w);
            ProfilePolicyRules?.Write(w, Tags.Ctx(25));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
