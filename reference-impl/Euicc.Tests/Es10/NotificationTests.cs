using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10b ListNotification, RetrieveNotificationsList and RemoveNotificationFromList (SGP.22 v2.5 §5.7.9–§5.7.11).</summary>
public class NotificationTests
{
    [Test]
    public async Task ListRetrieveAndRemove()
    {
        await using TestCard card = await ProfileManagementTests.CardWithTwoProfiles();
        await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA));
        IReadOnlyList<NotificationMetadata> all = await Lpa.Notifications(card);
        Assert.That(all.Select(n => n.ProfileManagementOperation.SetBits.Single()), Is.EqualTo(new[] { 0, 0, 1 }));

        var installs = ListNotificationResponse.Decode(await card.Es10(new ListNotificationRequest(NamedBitList.Of(NotificationEvent.notificationEnable)).Encode()));
        Assert.That(installs.NotificationMetadataList!.Select(n => n.SeqNumber), Is.EqualTo(new[] { all[2].SeqNumber }));

        IReadOnlyList<PendingNotification> one = await Lpa.Retrieve(card, new RetrieveNotificationsListRequest(all[1].SeqNumber));
        Assert.That(one.Single().ProfileInstallationResult!.ProfileInstallationResultData.NotificationMetadata.SeqNumber, Is.EqualTo(all[1].SeqNumber));
        IReadOnlyList<PendingNotification> enables = await Lpa.Retrieve(card, new RetrieveNotificationsListRequest(NamedBitList.Of(NotificationEvent.notificationEnable)));
        Assert.That(enables.Single().OtherSignedNotification!.TbsOtherNotification.SeqNumber, Is.EqualTo(all[2].SeqNumber));
        var none = RetrieveNotificationsListResponse.Decode(await card.Es10(new RetrieveNotificationsListRequest(9999).Encode()));
        Assert.That(none.NotificationsListResultError, Is.EqualTo(NotificationListError.noResultAvailable));

        var removed = NotificationSentResponse.Decode(await card.Es10(new NotificationSentRequest(all[0].SeqNumber).Encode()));
        Assert.That(removed.DeleteNotificationStatus, Is.EqualTo(NotificationSentResult.ok));
        removed = NotificationSentResponse.Decode(await card.Es10(new NotificationSentRequest(all[0].SeqNumber).Encode()));
        Assert.That(removed.DeleteNotificationStatus, Is.EqualTo(NotificationSentResult.nothingToDelete));
        Assert.That((await Lpa.Notifications(card)).Select(n => n.SeqNumber), Is.EqualTo(all.Skip(1).Select(n => n.SeqNumber)));
    }

    [Test]
    public async Task EmptyCardListsNothing()
    {
        await using TestCard card = await TestCard.OpenAsync();
        Assert.That(await Lpa.Notifications(card), Is.Empty);
        Assert.That(await Lpa.Retrieve(card), Is.Empty);
    }
}
