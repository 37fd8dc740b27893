using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.RetrieveNotificationsList (SGP.22 v2.5 §5.7.10): the signed pending notifications, all of them, the one
/// with a seqNumber, or those of one event. A search that matches nothing answers noResultAvailable(1); without
/// search criteria the (possibly empty) list is answered.
/// </summary>
internal sealed class RetrieveNotificationsList : IEs10Function
{
    public Asn1Tag Tag => RetrieveNotificationsListRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        RetrieveNotificationsListRequest request = RetrieveNotificationsListRequest.Decode(command);
        StoredNotification[] found = card.State.Notifications
            .Where(n => request.SeqNumber is not { } seq || n.SeqNumber == seq)
            .Where(n => request.ProfileManagementOperation is null || request.ProfileManagementOperation.IsSet(n.Event))
            .ToArray();
        bool searched = request.SeqNumber is not null || request.ProfileManagementOperation is not null;
        if (searched && found.Length == 0)
        {
            return new RetrieveNotificationsListResponse(NotificationListError.noResultAvailable).Encode();
        }
        return new RetrieveNotificationsListResponse(found.Select(n => PendingNotification.Decode(n.Der)).ToArray()).Encode();
    }
}
