using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.ListNotification (SGP.22 v2.5 §5.7.9): the metadata of the pending notifications, all of them or only
/// those whose event is set in profileManagementOperation.
/// </summary>
internal sealed class ListNotification : IEs10Function
{
    public Asn1Tag Tag => ListNotificationRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        ListNotificationRequest request = ListNotificationRequest.Decode(command);
        var list = card.State.Notifications
            .Where(n => request.ProfileManagementOperation is null || request.ProfileManagementOperation.IsSet(n.Event))
            .Select(n => new NotificationMetadata(
                n.SeqNumber, NamedBitList.Of(n.Event), n.NotificationAddress, n.Iccid is null ? null : Iccid.FromString(n.Iccid)))
            .ToArray();
        return new ListNotificationResponse(list).Encode();
    }
}
