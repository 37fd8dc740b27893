using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10b.RetrieveNotificationsList (SGP.22 v2.2.2 §5.7.10): <c>RetrieveNotificationsListRequest ::= [43] SEQUENCE {
/// searchCriteria CHOICE { seqNumber [0] INTEGER, profileManagementOperation [1] NotificationEvent } OPTIONAL }</c>,
/// tag <c>BF2B</c>. The only component is untagged, so AUTOMATIC TAGS gives searchCriteria <c>[0]</c>, explicit
/// because it is a CHOICE: <c>A0</c> holding <c>80</c> or <c>81</c>. At most one criterion is set.
/// </summary>
public sealed record RetrieveNotificationsListRequest : IAsn1Message<RetrieveNotificationsListRequest>
{
    private const string Name = "RetrieveNotificationsListRequest";

    private static readonly Asn1Tag SearchCriteriaTag = Tags.CtxC(0);

    /// <summary>No search criteria: all pending notifications.</summary>
    public RetrieveNotificationsListRequest()
    {
    }

    /// <summary>searchCriteria seqNumber.</summary>
    public RetrieveNotificationsListRequest(int seqNumber) => SeqNumber = seqNumber;

    /// <summary>searchCriteria profileManagementOperation.</summary>
    public RetrieveNotificationsListRequest(NamedBitList profileManagementOperation) => ProfileManagementOperation = profileManagementOperation;

    /// <summary>[43], <c>BF2B</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(43);

    public int? SeqNumber { get; }

    public NamedBitList? ProfileManagementOperation { get; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static RetrieveNotificationsListRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static RetrieveNotificationsListRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        RetrieveNotificationsListRequest result = new();
        if (s.ReadOptionalConstructed(SearchCriteriaTag, "searchCriteria") is { } c)
        {
            if (c.IsNext(Tags.Ctx(0)))
            {
                result = new RetrieveNotificationsListRequest(c.ReadInt32(Tags.Ctx(0), "seqNumber"));
            }
            else if (c.IsNext(Tags.Ctx(1)))
            {
                result = new RetrieveNotificationsListRequest(NamedBitList.Read(c, Tags.Ctx(1), "profileManagementOperation"));
            }
            else
            {
                throw c.UnknownAlternative("searchCriteria");
            }
            c.End();
        }
        return result with { Extensions = s.ReadExtensionsAfter(SearchCriteriaTag) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            if (SeqNumber is not null || ProfileManagementOperation is not null)
            {
                using (w.PushSequence(SearchCriteriaTag))
                {
                    if (SeqNumber is { } n)
                    {
                        w.WriteInteger(n, Tags.Ctx(0));
                    }
                    else
                    {
                        ProfileManagementOperation!.Write(w, Tags.Ctx(1));
                    }
                }
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>RetrieveNotificationsListResponse ::= [43] CHOICE { notificationList SEQUENCE OF PendingNotification,
/// notificationsListResultError INTEGER {noResultAvailable(1), undefinedError(127)} }</c>, tag <c>BF2B</c>
/// (SGP.22 v2.2.2 §5.7.10): <c>A0</c> list or <c>81</c> error. Exactly one is set.
/// </summary>
public sealed record RetrieveNotificationsListResponse : IAsn1Message<RetrieveNotificationsListResponse>
{
    private const string Name = "RetrieveNotificationsListResponse";

    public RetrieveNotificationsListResponse(IReadOnlyList<PendingNotification> notificationList) => NotificationList = notificationList;

    public RetrieveNotificationsListResponse(NotificationListError notificationsListResultError) => NotificationsListResultError = notificationsListResultError;

    /// <summary>[43], <c>BF2B</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(43);

    public IReadOnlyList<PendingNotification>? NotificationList { get; }

    public NotificationListError? NotificationsListResultError { get; }

    public static RetrieveNotificationsListResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static RetrieveNotificationsListResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ListOrErrorIo.Read(r, tag ?? Tag, Name,
            s => new RetrieveNotificationsListResponse(ListOrErrorIo.ReadList(s, "notificationList", l => PendingNotification.Read(l))),
            "notificationsListResultError", e => new RetrieveNotificationsListResponse((NotificationListError)e));

    public void Write(AsnWriter w, Asn1Tag? tag = null) =>
        ListOrErrorIo.Write(w, tag ?? Tag, ListOrErrorIo.List(NotificationList, (x, n) => n.Write(x)), (int?)NotificationsListResultError);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
