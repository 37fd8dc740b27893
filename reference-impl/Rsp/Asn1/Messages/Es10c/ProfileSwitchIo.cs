using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The shape shared by EnableProfileRequest and DisableProfileRequest (SGP.22 v2.2.2 §5.7.16, §5.7.17):
/// <c>[n] SEQUENCE { profileIdentifier CHOICE { isdpAid [APPLICATION 15] OctetTo16, iccid Iccid }, refreshFlag BOOLEAN }</c>.
/// No component carries a tag, so AUTOMATIC TAGS gives profileIdentifier <c>[0]</c>, explicit because it is a
/// CHOICE (<c>A0</c> holding <c>4F</c> or <c>5A</c>), and refreshFlag <c>81</c>.
/// </summary>
internal static class ProfileSwitchIo
{
    private static readonly Asn1Tag IdentifierTag = Tags.CtxC(0);

    private static readonly Asn1Tag RefreshFlagTag = Tags.Ctx(1);

    public static (ProfileIdentifier Id, bool RefreshFlag, IReadOnlyList<Asn1Element> Extensions) Read(DerReader r, Asn1Tag tag, string typeName)
    {
        DerReader s = r.ReadConstructed(tag, typeName, typeName);
        DerReader c = s.ReadConstructed(IdentifierTag, "profileIdentifier");
        ProfileIdentifier id = ProfileIdentifier.Read(c);
        c.End();
        bool refresh = s.ReadBoolean(RefreshFlagTag, "refreshFlag");
        return (id, refresh, s.ReadExtensionsAfter(IdentifierTag, RefreshFlagTag));
    }

    public static void Write(AsnWriter w, Asn1Tag tag, ProfileIdentifier id, bool refreshFlag, IReadOnlyList<Asn1Element> extensions)
    {
        using (w.PushSequence(tag))
        {
            using (w.PushSequence(IdentifierTag))
            {
                id.Write(w);
            }
            w.WriteBoolean(refreshFlag, RefreshFlagTag);
            w.WriteExtensions(extensions);
        }
    }
}
