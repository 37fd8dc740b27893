using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.RemoveNotificationFromList, request NotificationSent (SGP.22 v2.5 §5.7.11): "the eUICC SHALL remove the
/// Notification identified by seqNumber"; nothingToDelete(1) when there is none.
/// </summary>
internal sealed class RemoveNotificationFromList : IEs10Function
{
    public Asn1Tag Tag => NotificationSentRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        NotificationSentRequest request = NotificationSentRequest.Decode(command);
        if (!card.State.Notifications.Any(n => n.SeqNumber == request.SeqNumber))
        {
            return new NotificationSentResponse(NotificationSentResult.nothingToDelete).Encode();
        }
        card.Memory.Update(s => s with { Notifications = s.Notifications.Where(n => n.SeqNumber != request.SeqNumber).ToArray() });
        return new NotificationSentResponse(NotificationSentResult.ok).Encode();
    }
}
