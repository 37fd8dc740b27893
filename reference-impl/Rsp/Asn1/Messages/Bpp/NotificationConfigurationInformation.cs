using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>NotificationConfigurationInformation ::= SEQUENCE { profileManagementOperation NotificationEvent,
/// notificationAddress UTF8String }</c> (SGP.22 v2.2.2 §5.4.1, §2.6.8.1). No component carries a tag, so
/// AUTOMATIC TAGS gives <c>80</c> (BIT STRING) and <c>81</c> (UTF8String, the FQDN notifications go to).
/// </summary>
public sealed record NotificationConfigurationInformation(NamedBitList ProfileManagementOperation, string NotificationAddress)
{
    private const string Name = "NotificationConfigurationInformation";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static NotificationConfigurationInformation Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static NotificationConfigurationInformation Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        NamedBitList op = NamedBitList.Read(s, Tags.Ctx(0), "profileManagementOperation");
        string address = s.ReadUtf8String(Tags.Ctx(1), "notificationAddress");
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1));
        return new NotificationConfigurationInformation(op, address) { Extensions = ext };
    }

    /// <summary>Reads <c>[n] SEQUENCE OF NotificationConfigurationInformation</c>.</summary>
    internal static IReadOnlyList<NotificationConfigurationInformation> ReadList(DerReader s)
    {
        var list = new List<NotificationConfigurationInformation>();
        while (s.HasData)
        {
            list.Add(Read(s));
        }
        return list;
    }

    internal static void WriteList(AsnWriter w, IReadOnlyList<NotificationConfigurationInformation> list, Asn1Tag tag)
    {
        using (w.PushSequence(tag))
        {
            foreach (NotificationConfigurationInformation n in list)
            {
                n.Write(w);
            }
        }
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            ProfileManagementOperation.Write(w, Tags.Ctx(0));
            w.WriteUtf8(NotificationAddress, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
