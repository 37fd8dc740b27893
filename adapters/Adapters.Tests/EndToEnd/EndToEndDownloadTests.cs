using Conformance.Adapters.Es10;
using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Store;

namespace Conformance.Adapters.Tests.EndToEnd;

/// <summary>
/// Profile download (SGP.22 v2.5 §3.1.3) and local profile management (§3.2) with the real parts only: the
/// reference SM-DP+ over HTTPS, the emulated eUICC over APDUs, the harness LPA in between. Outcomes are read
/// from each side's own state: the eUICC's GetProfilesInfo, the SM-DP+ store's profile state and notifications.
/// </summary>
[NonParallelizable]
public class EndToEndDownloadTests
{
    private static IEnumerable<TestCaseData> Curves()
    {
        yield return new TestCaseData(RspCurve.NistP256).SetArgDisplayNames("NIST");
        yield return new TestCaseData(RspCurve.BrainpoolP256r1).SetArgDisplayNames("BRP");
    }

    [TestCaseSource(nameof(Curves))]
    public async Task DownloadInstallEnableDisableDeleteWithNotifications(RspCurve curve)
    {
        await using EndToEndRig rig = await EndToEndRig.StartAsync([curve]);
        string iccid = await rig.ReleasedOrderAsync("8904903200000000017", "E2E-MATCH-1");

        LpaSession session = await rig.Download("E2E-MATCH-1").RunAsync();

        Assert.That(session.InitiateAuthenticationResult!.Value!.EuiccCiPKIdToBeUsed,
            Is.EqualTo(EndToEndRig.Pki.Value.For(curve).Ci.Certificate.SubjectKeyIdentifier), "the SM-DP+ picked the eUICC's only CI");
        AssertInstalled(session, iccid);
        await AssertProfileOnCard(rig, iccid, ProfileState.disabled);
        Assert.That((await rig.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
        Assert.That(await KindsAsync(rig, iccid), Is.EqualTo(new[] { "profileInstallationResult" }));
        Assert.That(session.Notifications.Select(n => n.Removed), Is.All.EqualTo(NotificationSentResult.ok), "delivered notifications removed from the eUICC");

        var id = ProfileIdentifier.ByIccid(Iccid.FromString(iccid));
        var lpa = new LpaDownload(rig.Euicc, rig.Smdp, session);

        Assert.That((await rig.Euicc.EnableProfileAsync(id, refreshFlag: false)).Value, Is.EqualTo(EnableProfileResult.ok));
        await AssertProfileOnCard(rig, iccid, ProfileState.enabled);
        await AssertDeliveredAsync(lpa, NotificationEvent.notificationEnable);

        Assert.That((await rig.Euicc.DisableProfileAsync(id, refreshFlag: false)).Value, Is.EqualTo(DisableProfileResult.ok));
        await AssertProfileOnCard(rig, iccid, ProfileState.disabled);
        await AssertDeliveredAsync(lpa, NotificationEvent.notificationDisable);

        Assert.That((await rig.Euicc.DeleteProfileAsync(id)).Value, Is.EqualTo(DeleteProfileResult.ok));
        Assert.That(Profiles(await rig.Euicc.GetProfilesInfoAsync()).Select(p => p.Iccid?.ToString()), Does.Not.Contain(iccid));
        await AssertDeliveredAsync(lpa, NotificationEvent.notificationDelete);

        Assert.That(await KindsAsync(rig, iccid), Is.EqualTo(new[] { "profileInstallationResult", "enable", "disable", "delete" }),
            "every notification reached the SM-DP+ and verified there");
        Assert.That((await rig.Euicc.ListNotificationAsync()).Value.NotificationMetadataList, Is.Null.Or.Empty, "nothing left pending on the eUICC");
    }

    [Test]
    public async Task OrderedThroughEs2PlusDownloadedThroughTheAsn1Binding()
    {
        await using EndToEndRig rig = await EndToEndRig.StartAsync([RspCurve.NistP256], binding: Es9Binding.Asn1);
        const string iccid = "8904903200000000058";
        await rig.AddProfileAsync(iccid);

        var ordered = await rig.Operator.DownloadOrderAsync(new DownloadOrderRequest(rig.Eid, iccid));
        Assert.That(ordered.ExecutionStatus.IsExecuted, Is.True, ordered.ExecutionStatus.ToString());
        var confirmed = await rig.Operator.ConfirmOrderAsync(new ConfirmOrderRequest(iccid, ReleaseFlag: true, rig.Eid, "E2E-ES2-1"));
        Assert.That(confirmed.ExecutionStatus.IsExecuted, Is.True, confirmed.ExecutionStatus.ToString());
        Assert.That(confirmed.Result!.MatchingId, Is.EqualTo("E2E-ES2-1"));

        LpaSession session = await rig.Download("E2E-ES2-1").RunAsync();

        AssertInstalled(session, iccid);
        await AssertProfileOnCard(rig, iccid, ProfileState.disabled);
        Assert.That((await rig.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
        Assert.That(await KindsAsync(rig, iccid), Is.EqualTo(new[] { "profileInstallationResult" }));
    }

    [Test]
    public async Task DownloadWithConfirmationCode()
    {
        await using EndToEndRig rig = await EndToEndRig.StartAsync([RspCurve.NistP256]);
        string iccid = await rig.ReleasedOrderAsync("8904903200000000025", "E2E-MATCH-CC", confirmationCode: "4711");

        LpaSession session = await rig.Download("E2E-MATCH-CC", confirmationCode: "4711").RunAsync();

        Assert.That(session.AuthenticateClientResult!.Value!.SmdpSigned2.CcRequiredFlag, Is.True);
        AssertInstalled(session, iccid);
        await AssertProfileOnCard(rig, iccid, ProfileState.disabled);
        Assert.That((await rig.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
        Assert.That(await KindsAsync(rig, iccid), Is.EqualTo(new[] { "profileInstallationResult" }));
    }

    [Test]
    public async Task WrongConfirmationCodeIsRefusedAndNothingIsInstalled()
    {
        await using EndToEndRig rig = await EndToEndRig.StartAsync([RspCurve.NistP256]);
        string iccid = await rig.ReleasedOrderAsync("8904903200000000033", "E2E-MATCH-CC2", confirmationCode: "4711");

        LpaStepException e = Assert.ThrowsAsync<LpaStepException>(() => rig.Download("E2E-MATCH-CC2", confirmationCode: "0000").RunAsync())!;

        Assert.That(e.Step, Does.Contain("GetBoundProfilePackage"), e.Message);
        Assert.That(Profiles(await rig.Euicc.GetProfilesInfoAsync()).Select(p => p.Iccid?.ToString()), Does.Not.Contain(iccid));
        Assert.That((await rig.Store.GetProfileAsync(iccid))!.State, Is.Not.EqualTo(SmdpProfileState.Installed));
    }

    [TestCaseSource(nameof(Curves))]
    public async Task DownloadWithProfileProtectionKeys(RspCurve curve)
    {
        await using EndToEndRig rig = await EndToEndRig.StartAsync([curve], o => o with { UseProfileProtectionKeys = true });
        string iccid = await rig.ReleasedOrderAsync("8904903200000000041", "E2E-MATCH-PPK");

        LpaSession session = await rig.Download("E2E-MATCH-PPK").RunAsync();

        Assert.That(session.BoundProfilePackage!.SecondSequenceOf87, Is.Not.Null.And.Not.Empty, "the BPP carries ReplaceSessionKeys");
        AssertInstalled(session, iccid);
        await AssertProfileOnCard(rig, iccid, ProfileState.disabled);
        Assert.That((await rig.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
    }

    private static void AssertInstalled(LpaSession session, string iccid)
    {
        ProfileInstallationResultData pir = session.LoadResult!.ProfileInstallationResult.ProfileInstallationResultData;
        Assert.That(pir.ErrorResult, Is.Null, $"installation failed: {pir.ErrorResult}");
        Assert.That(pir.SuccessResult, Is.Not.Null);
        Assert.That(pir.NotificationMetadata.Iccid?.ToString(), Is.EqualTo(iccid));
        Assert.That(session.Notifications, Has.Count.EqualTo(1));
        Assert.That(session.Notifications[0].Skipped, Is.Null);
        Assert.That(session.Notifications[0].HandleNotification!.IsSuccess, Is.True, session.Notifications[0].HandleNotification!.ToString());
    }

    private static IReadOnlyList<ProfileInfo> Profiles(Es10Response<ProfileInfoListResponse> r) =>
        r.Value.ProfileInfoListOk ?? throw new AssertionException($"GetProfilesInfo answered {r.Value.ProfileInfoListError}");

    private static async Task AssertProfileOnCard(EndToEndRig rig, string iccid, ProfileState state)
    {
        ProfileInfo? p = Profiles(await rig.Euicc.GetProfilesInfoAsync()).SingleOrDefault(p => p.Iccid?.ToString() == iccid);
        Assert.That(p, Is.Not.Null, $"profile {iccid} in GetProfilesInfo");
        Assert.That(p!.ProfileState, Is.EqualTo(state));
    }

    private static async Task AssertDeliveredAsync(LpaDownload lpa, NotificationEvent expected)
    {
        IReadOnlyList<NotificationDelivery> sent = await lpa.SendPendingNotificationsAsync();
        Assert.That(sent, Has.Count.EqualTo(1), $"one pending {expected} notification");
        NotificationDelivery d = sent[0];
        Assert.That(d.Skipped, Is.Null, d.Skipped);
        OtherSignedNotification other = PendingNotification.Decode(d.PendingNotification).OtherSignedNotification!;
        Assert.That(other.TbsOtherNotification.ProfileManagementOperation.SetBits, Is.EqualTo(new[] { (int)expected }));
        Assert.That(d.HandleNotification!.IsSuccess, Is.True, d.HandleNotification.ToString());
        Assert.That(d.Removed, Is.EqualTo(NotificationSentResult.ok));
    }

    private static async Task<string[]> KindsAsync(EndToEndRig rig, string iccid) =>
        (await rig.Store.ListNotificationsAsync()).Where(n => n.Iccid == iccid).OrderBy(n => n.Id).Select(n => n.Kind).ToArray();
}
