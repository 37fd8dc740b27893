using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The shape shared by the ES10 messages that carry one INTEGER: <c>[n] SEQUENCE { xxxResult INTEGER {...} }</c>,
/// the only component untagged, so AUTOMATIC TAGS gives it <c>[0]</c> (<c>80</c>); NotificationSentRequest's
/// <c>seqNumber [0] INTEGER</c> has the same encoding.
/// </summary>
internal static class ResultIo
{
    public static int Read(DerReader r, Asn1Tag tag, string typeName, string field, out IReadOnlyList<Asn1Element> extensions)
    {
        DerReader s = r.ReadConstructed(tag, typeName, typeName);
        int value = s.ReadInt32(Tags.Ctx(0), field);
        extensions = s.ReadExtensionsAfter(Tags.Ctx(0));
        return value;
    }

    public static void Write(AsnWriter w, Asn1Tag tag, int value, IReadOnlyList<Asn1Element> extensions)
    {
        using (w.PushSequence(tag))
        {
            w.WriteInteger(value, Tags.Ctx(0));
            w.WriteExtensions(extensions);
        }
    }
}
