using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Notifications on the eUICC under test (SGP.22 v2.5 §3.5): ListNotification (§5.7.9), RetrieveNotificationsList
/// (§5.7.10), RemoveNotificationFromList (§5.7.11), and the notifications each profile operation SHALL generate
/// when the profile's notificationConfigurationInfo asks for them (§5.7.6, §5.7.16–§5.7.18).
/// </summary>
[Binding]
public sealed class EuiccNotificationSteps(EuiccDriver euicc, CardDownloadDriver download, ServerSideSmdp smdp)
{
    private const string ProfileNames = "the profile|the other profile|the download's profile";
    private RetrieveNotificationsListResponse? _retrieved;
    private int _removedSeq;

    private static readonly Dictionary<string, (NotificationEvent Event, string Section, string Function)> Operations = new(StringComparer.Ordinal)
    {
        ["install"] = (NotificationEvent.notificationInstall, "§5.7.6", "LoadBoundProfilePackage"),
        ["enable"] = (NotificationEvent.notificationEnable, "§5.7.16", "EnableProfile"),
        ["disable"] = (NotificationEvent.notificationDisable, "§5.7.17", "DisableProfile"),
        ["delete"] = (NotificationEvent.notificationDelete, "§5.7.18", "DeleteProfile"),
    };

    [Then(@"^the eUICC lists an? (install|enable|disable|delete) notification for (" + ProfileNames + @") addressed to the SM-DP\+$")]
    public Task Lists(string operation, string name) => EuiccDriver.Checked(async () =>
    {
        (NotificationEvent e, string section, string function) = Operations[operation];
        IReadOnlyList<NotificationMetadata> all = await ListAsync(null).ConfigureAwait(false);
        NotificationMetadata? n = Find(all, e, name);
        Assert.That(n, Is.Not.Null,
            $"SGP.22 {section}, §3.5: after {function} the eUICC SHALL generate a {e} notification for {name} (its notificationConfigurationInfo asks for one); ListNotification holds none among {all.Count}");
        Assert.That(n!.NotificationAddress, Is.EqualTo(smdp.Address), $"SGP.22 §5.7.9: the {e} notification goes to the address of the profile's notificationConfigurationInfo");
    });

    [Then(@"^ListNotification filtered on (install|enable|disable|delete) operations holds (no|only) notifications? (?:for|of that kind)( (?:" + ProfileNames + ")|)$")]
    public Task Filtered(string operation, string which, string profile) => EuiccDriver.Checked(async () =>
    {
        string name = profile.Trim();
        NotificationEvent e = Operations[operation].Event;
        IReadOnlyList<NotificationMetadata> filtered = await ListAsync(NamedBitList.Of((int)e)).ConfigureAwait(false);
        if (which == "only")
        {
            Assert.That(filtered.Where(n => !n.ProfileManagementOperation.IsSet((int)e)), Is.Empty,
                $"SGP.22 §5.7.9: ListNotification filtered on {e} lists only notifications of that operation");
            return;
        }

        Assert.That(Find(filtered, e, name), Is.Null, $"SGP.22 §5.7.9: ListNotification filtered on {e} must not list a notification {name} has none of");
    });

    [When(@"^the LPA retrieves the pending notifications$")]
    public Task Retrieve() => EuiccDriver.Checked(async () =>
        _retrieved = (await (await euicc.Es10Async().ConfigureAwait(false)).RetrieveNotificationsListAsync().ConfigureAwait(false)).Value);

    [Then(@"^they hold the profile installation result of the download, signed by the eUICC$")]
    public void HoldsPir()
    {
        IReadOnlyList<PendingNotification> list = _retrieved?.NotificationList
            ?? throw new AssertionException($"SGP.22 §5.7.10: RetrieveNotificationsList must answer notificationList, got {_retrieved?.NotificationsListResultError}");
        byte[] tid = download.Lpa.Session.TransactionId!;
        ProfileInstallationResult? pir = list.Select(p => p.ProfileInstallationResult).FirstOrDefault(p => p?.ProfileInstallationResultData.TransactionId.AsSpan().SequenceEqual(tid) == true);
        Assert.That(pir, Is.Not.Null, "SGP.22 §5.7.10, §3.1.3.3: the ProfileInstallationResult of the download is pending until the LPA removes it");
        Assert.That(pir, Is.EqualTo(download.Result!.ProfileInstallationResult).Using<ProfileInstallationResult>((a, b) => a.Encode().AsSpan().SequenceEqual(b.Encode())),
            "SGP.22 §5.7.10: the pending ProfileInstallationResult is the one LoadBoundProfilePackage returned");
    }

    [Given(@"^the LPA has removed the (install|enable|disable|delete) notification of (" + ProfileNames + ")()$")]
    [When(@"^the LPA removes the (install|enable|disable|delete) notification of (" + ProfileNames + ")( again|)$")]
    public Task Remove(string operation, string name, string again) => EuiccDriver.Checked(async () =>
    {
        if (string.IsNullOrEmpty(again))
        {
            NotificationEvent e = Operations[operation].Event;
            _removedSeq = Find(await ListAsync(null).ConfigureAwait(false), e, name)?.SeqNumber
                ?? throw new AssertionException($"SGP.22 §3.5: the eUICC holds no {e} notification for {name} to remove");
        }

        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        NotificationSentResult r = (await es10.RemoveNotificationFromListAsync(_removedSeq).ConfigureAwait(false)).Value;
        euicc.Last = CardOutcome.Of("RemoveNotificationFromList", "§5.7.11", string.IsNullOrEmpty(again) ? "of a pending notification" : "of a notification already removed", r);
    });

    [Then(@"^the eUICC no longer lists that notification$")]
    public Task NoLonger() => EuiccDriver.Checked(async () =>
        Assert.That((await ListAsync(null).ConfigureAwait(false)).Select(n => n.SeqNumber), Does.Not.Contain(_removedSeq),
            $"SGP.22 §5.7.11: the eUICC SHALL delete the notification with seqNumber {_removedSeq}; ListNotification still lists it"));

    private async Task<IReadOnlyList<NotificationMetadata>> ListAsync(NamedBitList? filter)
    {
        ListNotificationResponse r = (await (await euicc.Es10Async().ConfigureAwait(false)).ListNotificationAsync(filter).ConfigureAwait(false)).Value;
        return r.NotificationMetadataList ?? throw new AssertionException($"SGP.22 §5.7.9: ListNotification must answer notificationMetadataList, got listNotificationsResultError {r.ListNotificationsResultError}");
    }

    private NotificationMetadata? Find(IReadOnlyList<NotificationMetadata> all, NotificationEvent e, string name)
    {
        string iccid = euicc.IccidOf(name);
        return all.FirstOrDefault(n => n.ProfileManagementOperation.IsSet((int)e) && n.Iccid?.ToString() == iccid);
    }
}
