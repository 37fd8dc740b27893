using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10c.GetProfilesInfo search criteria and tagList (SGP.22 v2.5 §5.7.15).</summary>
public class GetProfilesInfoTests
{
    [Test]
    public async Task SearchCriteriaAndTagList()
    {
        var test = new BppSpec { Iccid = ProfileManagementTests.IccidB, ProfileClass = ProfileClass.test };
        await using TestCard card = await ProfileManagementTests.CardWithTwoProfiles(b: test);
        IReadOnlyList<ProfileInfo> all = await Lpa.Profiles(card);
        Assert.That(all, Has.Count.EqualTo(2));
        Assert.That(all[0].ProfileClass, Is.EqualTo(ProfileClass.operational));
        Assert.That(all[0].ProfileOwner!.MccMnc, Is.EqualTo(new byte[] { 0x32, 0xF4, 0x10 }));
        Assert.That(all[0].DpProprietaryData!.DpOid, Is.EqualTo("2.999.10"));
        Assert.That(all[0].NotificationConfigurationInfo, Has.Count.EqualTo(1));

        var byIccid = ProfileInfoSearchCriteria.ByIccid(Iccid.FromString(ProfileManagementTests.IccidB));
        Assert.That((await Lpa.Profiles(card, new ProfileInfoListRequest(byIccid))).Single().ProfileClass, Is.EqualTo(ProfileClass.test));
        var byAid = ProfileInfoSearchCriteria.ByIsdpAid(all[0].IsdpAid!);
        Assert.That((await Lpa.Profiles(card, new ProfileInfoListRequest(byAid))).Single().Iccid!.ToString(), Is.EqualTo(ProfileManagementTests.IccidA));
        var byClass = ProfileInfoSearchCriteria.ByProfileClass(ProfileClass.test);
        Assert.That((await Lpa.Profiles(card, new ProfileInfoListRequest(byClass))).Single().Iccid!.ToString(), Is.EqualTo(ProfileManagementTests.IccidB));
        Assert.That(await Lpa.Profiles(card, new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByProfileClass(ProfileClass.provisioning))), Is.Empty);

        ProfileInfo only = (await Lpa.Profiles(card, new ProfileInfoListRequest(TagList: Convert.FromHexString("5A9F70")))).First();
        Assert.That(only.Iccid, Is.Not.Null);
        Assert.That(only.ProfileState, Is.EqualTo(ProfileState.disabled));
        Assert.That((only.IsdpAid, only.ProfileName, only.ServiceProviderName, only.ProfileClass, only.ProfileOwner), Is.EqualTo(((byte[]?)null, (string?)null, (string?)null, (ProfileClass?)null, (OperatorId?)null)));
        Assert.That(only.Encode(), Is.EqualTo(Convert.FromHexString("E3" + "10" + "5A0A98001032547698103214" + "9F700100")), "exactly 5A and 9F70");
    }

    [Test]
    public async Task MalformedTagListIsIncorrectInputValues()
    {
        await using TestCard card = await TestCard.OpenAsync();
        // '9F' announces a two-byte tag that never comes.
        var r = ProfileInfoListResponse.Decode(await card.Es10(new ProfileInfoListRequest(TagList: [0x5A, 0x9F]).Encode()));
        Assert.That(r.ProfileInfoListError, Is.EqualTo(ProfileInfoListError.incorrectInputValues));
    }
}
