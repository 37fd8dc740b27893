using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10c Enable/Disable/DeleteProfile, SetNickname, eUICCMemoryReset and their notifications (SGP.22 v2.5 §5.7.16–§5.7.21).</summary>
public class ProfileManagementTests
{
    internal const string IccidA = "89000123456789012341";
    internal const string IccidB = "89000123456789012358";

    internal static async Task<TestCard> CardWithTwoProfiles(Euicc.Card.EuiccOptions? options = null, BppSpec? a = null, BppSpec? b = null, string? stateDirectory = null)
    {
        TestCard card = await TestCard.OpenAsync(options, stateDirectory);
        foreach (BppSpec spec in new[] { a ?? new BppSpec { Iccid = IccidA }, b ?? new BppSpec { Iccid = IccidB } })
        {
            ProfileInstallationResult pir = await Lpa.Install(card, new TestSmdp(TestCard.Nist), spec);
            Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null);
        }
        return card;
    }

    internal static byte[] Enable(string iccid) => new EnableProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString(iccid)), RefreshFlag: true).Encode();

    internal static byte[] Disable(string iccid) => new DisableProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString(iccid)), RefreshFlag: false).Encode();

    internal static byte[] Delete(string iccid) => new DeleteProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString(iccid))).Encode();

    internal static async Task<ProfileState?> StateOf(TestCard card, string iccid) =>
        (await Lpa.Profiles(card)).FirstOrDefault(p => p.Iccid!.ToString() == iccid)?.ProfileState;

    [Test]
    public async Task EnableDisableDeleteFollowTheStateRulesAndNotify()
    {
        await using TestCard card = await CardWithTwoProfiles();
        int before = (await Lpa.Notifications(card)).Count;

        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidA))).EnableResult, Is.EqualTo(EnableProfileResult.ok));
        Assert.That(await StateOf(card, IccidA), Is.EqualTo(ProfileState.enabled));
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidA))).EnableResult, Is.EqualTo(EnableProfileResult.profileNotInDisabledState));
        Assert.That(DeleteProfileResponse.Decode(await card.Es10(Delete(IccidA))).DeleteResult, Is.EqualTo(DeleteProfileResult.profileNotInDisabledState));
        Assert.That(DisableProfileResponse.Decode(await card.Es10(Disable(IccidB))).DisableResult, Is.EqualTo(DisableProfileResult.profileNotInEnabledState));

        // Enabling B disables A: a disable notification for A, then an enable notification for B.
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidB))).EnableResult, Is.EqualTo(EnableProfileResult.ok));
        Assert.That(await StateOf(card, IccidA), Is.EqualTo(ProfileState.disabled));
        Assert.That(DisableProfileResponse.Decode(await card.Es10(Disable(IccidB))).DisableResult, Is.EqualTo(DisableProfileResult.ok));
        Assert.That(DeleteProfileResponse.Decode(await card.Es10(Delete(IccidB))).DeleteResult, Is.EqualTo(DeleteProfileResult.ok));
        Assert.That(await StateOf(card, IccidB), Is.Null);

        IReadOnlyList<NotificationMetadata> list = await Lpa.Notifications(card);
        var events = list.Skip(before).Select(n => (n.ProfileManagementOperation.SetBits.Single(), n.Iccid!.ToString())).ToArray();
        Assert.That(events, Is.EqualTo(new[]
        {
            ((int)NotificationEvent.notificationEnable, IccidA),
            ((int)NotificationEvent.notificationDisable, IccidA),
            ((int)NotificationEvent.notificationEnable, IccidB),
            ((int)NotificationEvent.notificationDisable, IccidB),
            ((int)NotificationEvent.notificationDelete, IccidB),
        }));
        Assert.That(list.Select(n => n.SeqNumber), Is.Ordered.Ascending.And.Unique);

        foreach (PendingNotification p in (await Lpa.Retrieve(card)).Where(p => p.OtherSignedNotification is not null))
        {
            OtherSignedNotification n = p.OtherSignedNotification!;
            Assert.That(Verify.Signature(n.EuiccCertificate.ToArray(), n.DataToBeSigned(), n.EuiccNotificationSignature), "euiccNotificationSignature");
            Assert.That(n.TbsOtherNotification.NotificationAddress, Is.EqualTo("notifications.example.com"));
        }
    }

    [Test]
    public async Task UnknownProfilesAreNotFound()
    {
        await using TestCard card = await CardWithTwoProfiles();
        const string nobody = "89000123456789012366";
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(nobody))).EnableResult, Is.EqualTo(EnableProfileResult.iccidOrAidNotFound));
        Assert.That(DisableProfileResponse.Decode(await card.Es10(Disable(nobody))).DisableResult, Is.EqualTo(DisableProfileResult.iccidOrAidNotFound));
        Assert.That(DeleteProfileResponse.Decode(await card.Es10(Delete(nobody))).DeleteResult, Is.EqualTo(DeleteProfileResult.iccidOrAidNotFound));
        byte[] byAid = new EnableProfileRequest(ProfileIdentifier.ByIsdpAid(Convert.FromHexString("A0000005591010FFFFFFFF8900009900")), false).Encode();
        Assert.That(EnableProfileResponse.Decode(await card.Es10(byAid)).EnableResult, Is.EqualTo(EnableProfileResult.iccidOrAidNotFound));
        Assert.That(SetNicknameResponse.Decode(await card.Es10(new SetNicknameRequest(Iccid.FromString(nobody), "x").Encode())).SetNicknameResult,
            Is.EqualTo(SetNicknameResult.iccidNotFound));
    }

    [Test]
    public async Task EnableByIsdpAid()
    {
        await using TestCard card = await CardWithTwoProfiles();
        byte[] aid = (await Lpa.Profiles(card)).Single(p => p.Iccid!.ToString() == IccidB).IsdpAid!;
        var request = new EnableProfileRequest(ProfileIdentifier.ByIsdpAid(aid), false);
        Assert.That(EnableProfileResponse.Decode(await card.Es10(request.Encode())).EnableResult, Is.EqualTo(EnableProfileResult.ok));
        Assert.That(await StateOf(card, IccidB), Is.EqualTo(ProfileState.enabled));
    }

    [Test]
    public async Task Ppr1ForbidsDisablingAndPpr2ForbidsDeleting()
    {
        var ppr1 = new BppSpec { Iccid = IccidA, ProfilePolicyRules = NamedBitList.Of(PprId.ppr1) };
        var ppr2 = new BppSpec { Iccid = IccidB, ProfilePolicyRules = NamedBitList.Of(PprId.ppr2) };
        await using TestCard card = await CardWithTwoProfiles(a: ppr1, b: ppr2);
        Assert.That(DeleteProfileResponse.Decode(await card.Es10(Delete(IccidB))).DeleteResult, Is.EqualTo(DeleteProfileResult.disallowedByPolicy));
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidA))).EnableResult, Is.EqualTo(EnableProfileResult.ok));
        Assert.That(DisableProfileResponse.Decode(await card.Es10(Disable(IccidA))).DisableResult, Is.EqualTo(DisableProfileResult.disallowedByPolicy));
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidB))).EnableResult, Is.EqualTo(EnableProfileResult.disallowedByPolicy),
            "enabling B would disable A, which has PPR1");
        Assert.That(await StateOf(card, IccidA), Is.EqualTo(ProfileState.enabled));
        Assert.That(await StateOf(card, IccidB), Is.EqualTo(ProfileState.disabled));
    }

    [Test]
    public async Task NoNotificationWhenTheMetadataAsksForNone()
    {
        await using TestCard card = await CardWithTwoProfiles(a: new BppSpec { Iccid = IccidA, Nci = null });
        int before = (await Lpa.Notifications(card)).Count;
        Assert.That(EnableProfileResponse.Decode(await card.Es10(Enable(IccidA))).EnableResult, Is.EqualTo(EnableProfileResult.ok));
        Assert.That(await Lpa.Notifications(card), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task SetNicknameShowsInProfileInfo()
    {
        await using TestCard card = await CardWithTwoProfiles();
        Assert.That(SetNicknameResponse.Decode(await card.Es10(new SetNicknameRequest(Iccid.FromString(IccidB), "Travel").Encode())).SetNicknameResult,
            Is.EqualTo(SetNicknameResult.ok));
        Assert.That((await Lpa.Profiles(card)).Single(p => p.Iccid!.ToString() == IccidB).ProfileNickname, Is.EqualTo("Travel"));
    }

    [Test]
    public async Task MemoryResetDeletesByClassAndResetsTheAddress()
    {
        var test = new BppSpec { Iccid = IccidB, ProfileClass = ProfileClass.test, ProfilePolicyRules = NamedBitList.Of(PprId.ppr2) };
        await using TestCard card = await CardWithTwoProfiles(new Euicc.Card.EuiccOptions { DefaultSmdpAddress = "initial.example.com" }, b: test);
        await card.Es10(new SetDefaultDpAddressRequest("changed.example.com").Encode());

        byte[] Reset(params ResetOption[] options) => new EuiccMemoryResetRequest(NamedBitList.Of(options)).Encode();
        Assert.That(EuiccMemoryResetResponse.Decode(await card.Es10(Reset(ResetOption.deleteOperationalProfiles))).ResetResult, Is.EqualTo(EuiccMemoryResetResult.ok));
        Assert.That((await Lpa.Profiles(card)).Select(p => p.Iccid!.ToString()), Is.EqualTo(new[] { IccidB }), "only the operational profile went");
        Assert.That(EuiccMemoryResetResponse.Decode(await card.Es10(Reset(ResetOption.deleteOperationalProfiles))).ResetResult, Is.EqualTo(EuiccMemoryResetResult.nothingToDelete));
        Assert.That(EuiccMemoryResetResponse.Decode(await card.Es10(Reset(ResetOption.deleteFieldLoadedTestProfiles, ResetOption.resetDefaultSmdpAddress))).ResetResult,
            Is.EqualTo(EuiccMemoryResetResult.ok), "PPR2 does not protect against a memory reset");
        Assert.That(await Lpa.Profiles(card), Is.Empty);
        var addresses = EuiccConfiguredAddressesResponse.Decode(await card.Es10(new EuiccConfiguredAddressesRequest().Encode()));
        Assert.That(addresses.DefaultDpAddress, Is.EqualTo("initial.example.com"));
        Assert.That(EuiccMemoryResetResponse.Decode(await card.Es10(Reset(ResetOption.resetDefaultSmdpAddress))).ResetResult, Is.EqualTo(EuiccMemoryResetResult.nothingToDelete));
    }
}
