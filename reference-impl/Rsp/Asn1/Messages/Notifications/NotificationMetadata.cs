using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>NotificationMetadata ::= [47] SEQUENCE { seqNumber [0] INTEGER, profileManagementOperation [1]
/// NotificationEvent, notificationAddress UTF8String, iccid Iccid OPTIONAL }</c>, tag <c>BF2F</c>
/// (SGP.22 v2.2.2 §5.7.9 ListNotification, §2.6.8 notifications). profileManagementOperation has "only one bit
/// set to 1", a bit of <see cref="NotificationEvent"/>.
/// </summary>
public sealed record NotificationMetadata(int SeqNumber, NamedBitList ProfileManagementOperation, string NotificationAddress, Iccid? Iccid = null)
    : IAsn1Message<NotificationMetadata>
{
    private const string Name = "NotificationMetadata";

    /// <summary>[47], <c>BF2F</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(47);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static NotificationMetadata Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static NotificationMetadata Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        int seq = s.ReadInt32(Tags.Ctx(0), "seqNumber");
        NamedBitList op = NamedBitList.Read(s, Tags.Ctx(1), "profileManagementOperation");
        string address = s.ReadUtf8String(Tags.Utf8String, "notificationAddress");
        Iccid? iccid = Iccid.ReadOptional(s);
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1), Tags.Utf8String, Messages.Iccid.Tag);
        return new NotificationMetadata(seq, op, address, iccid) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteInteger(SeqNumber, Tags.Ctx(0));
            ProfileManagementOperation.Write(w, Tags.Ctx(1));
            w.WriteUtf8(NotificationAddress, Tags.Utf8String);
            Iccid?.Write(w);
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
