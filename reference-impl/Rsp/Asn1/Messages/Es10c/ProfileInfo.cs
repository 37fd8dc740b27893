using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>ProfileInfo ::= [PRIVATE 3] SEQUENCE</c>, tag <c>E3</c> (SGP.22 v2.2.2 §5.7.15 GetProfilesInfo): every component
/// optional, present as requested by the tagList or the default set. Tags: iccid <c>5A</c>, isdpAid <c>4F</c>,
/// profileState <c>9F70</c>, profileNickname <c>90</c>, serviceProviderName <c>91</c>, profileName <c>92</c>,
/// iconType <c>93</c>, icon <c>94</c>, profileClass <c>95</c>, notificationConfigurationInfo <c>B6</c>,
/// profileOwner <c>B7</c>, dpProprietaryData <c>B8</c>, profilePolicyRules <c>99</c>; later additions are kept in
/// <see cref="Extensions"/>. profileClass is kept as encoded (null when absent), as in <see cref="StoreMetadataRequest"/>.
/// </summary>
public sealed record ProfileInfo
{
    private const string Name = "ProfileInfo";

    /// <summary>[PRIVATE 3] constructed, <c>E3</c>.</summary>
    public static Asn1Tag Tag => new(TagClass.Private, 3, isConstructed: true);

    private static readonly Asn1Tag ProfileStateTag = Tags.Ctx(112);

    private static readonly Asn1Tag[] RootTags =
    [
        Messages.Iccid.Tag, ProfileIdentifier.IsdpAidTag, ProfileStateTag, Tags.Ctx(16), Tags.Ctx(17), Tags.Ctx(18), Tags.Ctx(19),
        Tags.Ctx(20), Tags.Ctx(21), Tags.CtxC(22), Tags.CtxC(23), Tags.CtxC(24), Tags.Ctx(25),
    ];

    public Iccid? Iccid { get; init; }

    /// <summary>isdpAid (<c>4F</c>), 1..16 bytes.</summary>
    public byte[]? IsdpAid { get; init; }

    public ProfileState? ProfileState { get; init; }

    public string? ProfileNickname { get; init; }

    public string? ServiceProviderName { get; init; }

    public string? ProfileName { get; init; }

    public IconType? IconType { get; init; }

    public byte[]? Icon { get; init; }

    /// <summary>profileClass as encoded; null when absent.</summary>
    public ProfileClass? ProfileClass { get; init; }

    public IReadOnlyList<NotificationConfigurationInformation>? NotificationConfigurationInfo { get; init; }

    public OperatorId? ProfileOwner { get; init; }

    public DpProprietaryData? DpProprietaryData { get; init; }

    /// <summary>profilePolicyRules, bits of <see cref="PprId"/>.</summary>
    public NamedBitList? ProfilePolicyRules { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ProfileInfo Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfileInfo Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        Iccid? iccid = Messages.Iccid.ReadOptional(s);
        byte[]? aid = s.ReadOptionalOctetString(ProfileIdentifier.IsdpAidTag, "isdpAid", minLength: 1, maxLength: 16);
        var state = (ProfileState?)s.ReadOptionalInt32(ProfileStateTag, "profileState");
        string? nickname = s.ReadOptionalUtf8String(Tags.Ctx(16), "profileNickname", maxLength: 64);
        string? spn = s.ReadOptionalUtf8String(Tags.Ctx(17), "serviceProviderName", maxLength: 32);
        string? profileName = s.ReadOptionalUtf8String(Tags.Ctx(18), "profileName", maxLength: 64);
        SharedMetadataFields shared = SharedMetadataFields.Read(s);
        DpProprietaryData? dp = s.IsNext(Tags.CtxC(24)) ? Messages.DpProprietaryData.Read(s, Tags.CtxC(24)) : null;
        NamedBitList? ppr = NamedBitList.ReadOptional(s, Tags.Ctx(25), "profilePolicyRules");
        return new ProfileInfo
        {
            Iccid = iccid,
            IsdpAid = aid,
            ProfileState = state,
            ProfileNickname = nickname,
            ServiceProviderName = spn,
            ProfileName = profileName,
            IconType = shared.IconType,
            Icon = shared.Icon,
            ProfileClass = shared.ProfileClass,
            NotificationConfigurationInfo = shared.NotificationConfigurationInfo,
            ProfileOwner = shared.ProfileOwner,
            DpProprietaryData = dp,
            ProfilePolicyRules = ppr,
            Extensions = s.ReadExtensionsAfter(RootTags),
        };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            Iccid?.Write(w);
            if (IsdpAid is not null)
            {
                w.WriteOctetString(IsdpAid, ProfileIdentifier.IsdpAidTag);
            }
            if (ProfileState is { } state)
            {
                w.WriteInteger((int)state, ProfileStateTag);
            }
            WriteOptionalUtf8(w, ProfileNickname, 16);
            WriteOptionalUtf8(w, ServiceProviderName, 17);
            WriteOptionalUtf8(w, ProfileName, 18);
            new SharedMetadataFields(IconType, Icon, ProfileClass, NotificationConfigurationInfo, ProfileOwner).Write(w);
            DpProprietaryData?.Write(w, Tags.CtxC(24));
            ProfilePolicyRules?.Write(w, Tags.Ctx(25));
            w.WriteExtensions(Extensions);
        }
    }

    private static void WriteOptionalUtf8(AsnWriter w, string? value, int tag)
    {
        if (value is not null)
        {
            w.WriteUtf8(value, Tags.Ctx(tag));
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
