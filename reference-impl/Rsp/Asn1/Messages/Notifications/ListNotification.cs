using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10b.ListNotification (SGP.22 v2.2.2 §5.7.9): <c>ListNotificationRequest ::= [40] SEQUENCE {
/// profileManagementOperation [1] NotificationEvent OPTIONAL }</c>, tag <c>BF28</c>.
/// </summary>
public sealed record ListNotificationRequest(NamedBitList? ProfileManagementOperation = null) : IAsn1Message<ListNotificationRequest>
{
    private const string Name = "ListNotificationRequest";

    /// <summary>[40], <c>BF28</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(40);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ListNotificationRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ListNotificationRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        NamedBitList? op = NamedBitList.ReadOptional(s, Tags.Ctx(1), "profileManagementOperation");
        return new ListNotificationRequest(op) { Extensions = s.ReadExtensionsAfter(Tags.Ctx(1)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            ProfileManagementOperation?.Write(w, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>ListNotificationResponse ::= [40] CHOICE { notificationMetadataList SEQUENCE OF NotificationMetadata,
/// listNotificationsResultError INTEGER {undefinedError(127)} }</c>, tag <c>BF28</c> (SGP.22 v2.2.2 §5.7.9).
/// The tagged CHOICE is explicit; the alternatives are tagged automatically: <c>A0</c> list, <c>81</c> error.
/// Exactly one of <see cref="NotificationMetadataList"/> and <see cref="ListNotificationsResultError"/> is set.
/// </summary>
public sealed record ListNotificationResponse : IAsn1Message<ListNotificationResponse>
{
    private const string Name = "ListNotificationResponse";

    public ListNotificationResponse(IReadOnlyList<NotificationMetadata> notificationMetadataList) => NotificationMetadataList = notificationMetadataList;

    public ListNotificationResponse(NotificationListError listNotificationsResultError) => ListNotificationsResultError = listNotificationsResultError;

    /// <summary>[40], <c>BF28</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(40);

    public IReadOnlyList<NotificationMetadata>? NotificationMetadataList { get; }

    public NotificationListError? ListNotificationsResultError { get; }

    public static ListNotificationResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ListNotificationResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ListOrErrorIo.Read(r, tag ?? Tag, Name,
            s => new ListNotificationResponse(ListOrErrorIo.ReadList(s, "notificationMetadataList", l => NotificationMetadata.Read(l))),
            "listNotificationsResultError", e => new ListNotificationResponse((NotificationListError)e));

    public void Write(AsnWriter w, Asn1Tag? tag = null) =>
        ListOrErrorIo.Write(w, tag ?? Tag, ListOrErrorIo.List(NotificationMetadataList, (x, m) => m.Write(x)), (int?)ListNotificationsResultError);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
