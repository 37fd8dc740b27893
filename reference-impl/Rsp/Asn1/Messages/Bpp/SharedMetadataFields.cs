using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The run of components StoreMetadataRequest (SGP.22 v2.2.2 §5.5.3) and ProfileInfo (§5.7.15) share, in the
/// same order with the same tags: iconType [19] (<c>93</c>), icon [20] (<c>94</c>, 0..1024 bytes), profileClass
/// [21] (<c>95</c>, kept as encoded), notificationConfigurationInfo [22] (<c>B6</c>), profileOwner [23] (<c>B7</c>).
/// All optional.
/// </summary>
internal readonly record struct SharedMetadataFields(
    IconType? IconType,
    byte[]? Icon,
    ProfileClass? ProfileClass,
    IReadOnlyList<NotificationConfigurationInformation>? NotificationConfigurationInfo,
    OperatorId? ProfileOwner)
{
    public static SharedMetadataFields Read(DerReader s)
    {
        var iconType = (IconType?)s.ReadOptionalInt32(Tags.Ctx(19), "iconType");
        byte[]? icon = s.ReadOptionalOctetString(Tags.Ctx(20), "icon", maxLength: 1024);
        var profileClass = (ProfileClass?)s.ReadOptionalInt32(Tags.Ctx(21), "profileClass");
        DerReader? nci = s.ReadOptionalConstructed(Tags.CtxC(22), "notificationConfigurationInfo");
        IReadOnlyList<NotificationConfigurationInformation>? nciList = nci is null ? null : NotificationConfigurationInformation.ReadList(nci);
        OperatorId? owner = s.IsNext(Tags.CtxC(23)) ? OperatorId.Read(s, Tags.CtxC(23)) : null;
        return new SharedMetadataFields(iconType, icon, profileClass, nciList, owner);
    }

    public void Write(AsnWriter w)
    {
        if (IconType is { } it)
        {
            w.WriteInteger((int)it, Tags.Ctx(19));
        }
        if (Icon is not null)
        {
            w.WriteOctetString(Icon, Tags.Ctx(20));
        }
        if (ProfileClass is { } pc)
        {
            w.WriteInteger((int)pc, Tags.Ctx(21));
        }
        if (NotificationConfigurationInfo is not null)
        {
            NotificationConfigurationInformation.WriteList(w, NotificationConfigurationInfo, Tags.CtxC(22));
        }
        ProfileOwner?.Write(w, Tags.CtxC(23));
    }
}
