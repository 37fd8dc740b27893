using Conformance.Adapters.Http;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Notifications to the SM-DP+ (SGP.22 v2.5 §3.5, ES9+.HandleNotification §5.6.4): the ProfileInstallationResult
/// and the eUICC's pending notifications, and the answer the JSON binding requires: HTTP 204, no body (§6.5.2.9).
/// </summary>
[Binding]
public sealed class NotificationSteps(Es9Driver es9, BppDriver bpp, NotificationDriver notifications)
{
    [Given(@"^the eUICC ends LoadBoundProfilePackage with errorReason (\w+)$")]
    public void ForcedError(ErrorReason reason) => es9.EuiccOptions = es9.EuiccOptions with
    {
        Faults = es9.EuiccOptions.Faults with
        {
            Faults = new HashSet<EuiccFault>(es9.EuiccOptions.Faults.Faults) { EuiccFault.ProfileInstallationResultError },
            ForcedErrorReason = reason,
        },
    };

    [Given(@"^the profile was downloaded and installed on the eUICC$")]
    public async Task Installed()
    {
        await bpp.BindAsync();
        ProfileInstallationResultData pir = (await bpp.LoadAsync()).ProfileInstallationResult.ProfileInstallationResultData;
        Assert.That(pir.ErrorResult, Is.Null, $"precondition 'installation' not met: errorReason {pir.ErrorResult?.ErrorReason}");
    }

    [When(@"^the LPA sends the ProfileInstallationResult to the SM-DP\+$")]
    public Task SendPir() => notifications.SendProfileInstallationResultAsync();

    [When(@"^the LPA sends a ProfileInstallationResult signed by the eUICC for an unknown transactionId$")]
    public Task SendForeignPir() => notifications.SendProfileInstallationResultOfUnknownSessionAsync();

    [Given(@"^the LPA has sent the eUICC's pending notifications to the SM-DP\+$")]
    [When(@"^the LPA sends the eUICC's pending notifications to the SM-DP\+$")]
    public Task SendPending() => notifications.SendPendingAsync();

    [Then(@"^the ProfileInstallationResult sent carries errorReason (\w+)$")]
    public void PirReason(ErrorReason reason) =>
        Assert.That(es9.Session.LoadResult!.ProfileInstallationResult.ProfileInstallationResultData.ErrorResult?.ErrorReason, Is.EqualTo(reason),
            $"SGP.22 §5.7.6: the ProfileInstallationResult of the installation must carry errorReason {reason}");

    [Then(@"^the eUICC had a pending (install|enable|disable|delete) notification for the SM-DP\+$")]
    public void HadPending(string operation)
    {
        NotificationEvent e = Enum.Parse<NotificationEvent>("notification" + char.ToUpperInvariant(operation[0]) + operation[1..]);
        if (e != NotificationEvent.notificationInstall
            && es9.AnnouncedMetadata?.NotificationConfigurationInfo is var asked && asked?.Any(n => n.ProfileManagementOperation.IsSet((int)e)) != true)
        {
            // SGP.22 §3.5, §4.4: apart from the installation result, the eUICC notifies only what the profile's
            // notificationConfigurationInfo asks for. A profile of the SUT that asks for none is no defect; the scenario cannot
            // reach its rule with it.
            Assert.Ignore($"Not applicable to this target: the profile the SM-DP+ bound asks for no {operation} notification (notificationConfigurationInfo, " +
                "SGP.22 §4.4); the scenario needs orders of profiles that do.");
        }

        Assert.That(notifications.DeliveredEvents(), Does.Contain(e),
            $"SGP.22 §3.5: the eUICC had no pending {operation} notification for {es9.SmdpAddress} (notificationConfigurationInfo of the profile's metadata)");
    }

    [Then(@"^the SM-DP\+ answers HandleNotification with HTTP 204 and no body$")]
    public void LastAnswer204() => NoContent(notifications.Answers.LastOrDefault() ?? throw new AssertionException("no HandleNotification was sent"));

    [Then(@"^the SM-DP\+ answers every HandleNotification with HTTP 204 and no body$")]
    public void EveryAnswer204()
    {
        Assert.That(notifications.Answers, Is.Not.Empty, "no HandleNotification was sent");
        foreach (RecordedExchange x in notifications.Answers)
        {
            NoContent(x);
        }
    }

    [Then(@"^the eUICC has no pending notification for the SM-DP\+ left$")]
    public async Task NoneLeft() =>
        Assert.That((await notifications.StillPendingAsync()).Select(m => m.SeqNumber), Is.Empty,
            "SGP.22 §3.5: notifications the SM-DP+ acknowledged are removed from the eUICC (RemoveNotificationFromList)");

    private static void NoContent(RecordedExchange x)
    {
        int body = x.Response?.Length ?? 0;
        // SGP.22 §6.5.2.9 (JSON), §6.6.1 (ASN.1): HandleNotification has no response body; the SM-DP+ answers 204 No Content.
        string rule = x.Url?.AbsolutePath.EndsWith(Support.SpecRules.Asn1BindingPath, StringComparison.Ordinal) == true ? "§6.6.1" : "§6.5.2.9";
        if (x.StatusCode != 204 || body != 0)
        {
            Assert.Fail($"SGP.22 {rule}: HandleNotification answered HTTP {x.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} with a body of {body} bytes, expected 204 with no body");
        }
    }
}
