using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// HandleNotification ::= [61] SEQUENCE { pendingNotification PendingNotification } -- Tag 'BF3D'
/// (ES9+.HandleNotification, SGP.22 v2.5 §5.6.4, §6.6). The module has AUTOMATIC TAGS and no component
/// is tagged, so pendingNotification is [0]; PendingNotification is an untagged CHOICE, so that tag is
/// explicit: 'BF3D' { 'A0' { 'BF37' profileInstallationResult | '30' otherSignedNotification } }.
/// The PendingNotification is kept as its raw DER element (tag checked).
/// </summary>
public sealed record HandleNotification(Asn1Element PendingNotification) : IAsn1Message<HandleNotification>
{
    public const string TypeName = "HandleNotification";

    public static Asn1Tag Tag => Tags.CtxC(61);

    /// <summary>PendingNotification alternatives: profileInstallationResult [55] ('BF37'), otherSignedNotification ('30').</summary>
    public static readonly Asn1Tag[] PendingNotificationTags = [Tags.CtxC(55), Tags.Sequence];

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>True when the notification is a ProfileInstallationResult ('BF37').</summary>
    public bool IsProfileInstallationResult => PendingNotification.Tag == Tags.CtxC(55);

    public static HandleNotification Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static HandleNotification Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "handleNotification", TypeName);
        DerReader wrapper = s.ReadConstructed(Tags.CtxC(0), "pendingNotification");
        Asn1Tag t = wrapper.PeekTag("pendingNotification");
        if (!PendingNotificationTags.Contains(t))
        {
            throw wrapper.Error($"pendingNotification: unknown alternative {Tags.Hex(t)}, expected BF37 (profileInstallationResult) or 30 (otherSignedNotification)");
        }
        Asn1Element notification = wrapper.ReadAny("pendingNotification");
        wrapper.End();
        return new HandleNotification(notification) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            using (w.PushSequence(Tags.CtxC(0)))
            {
                RawDer.Write(w, PendingNotification, "pendingNotification", PendingNotificationTags);
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
