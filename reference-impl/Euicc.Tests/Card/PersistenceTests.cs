using Conformance.Euicc.Card;
using Conformance.Euicc.Tests.Es10;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Tests.Card;

/// <summary>Persistent card state survives a restart of the emulator; session state does not.</summary>
public class PersistenceTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "euicc-persist-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public async Task ProfilesNotificationsAndAddressesSurviveARestart()
    {
        byte[] profiles, notifications, addresses;
        int lastSeq;
        await using (TestCard card = await ProfileManagementTests.CardWithTwoProfiles(stateDirectory: _dir))
        {
            await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidB));
            await card.Es10(new SetNicknameRequest(Iccid.FromString(ProfileManagementTests.IccidB), "Home").Encode());
            await card.Es10(new SetDefaultDpAddressRequest("smdp.example.com").Encode());
            profiles = await card.Es10(new ProfileInfoListRequest().Encode());
            notifications = await card.Es10(new RetrieveNotificationsListRequest().Encode());
            addresses = await card.Es10(new EuiccConfiguredAddressesRequest().Encode());
            lastSeq = (await Lpa.Notifications(card))[^1].SeqNumber;
        }
        await using (TestCard again = await TestCard.OpenAsync(stateDirectory: _dir))
        {
            Assert.That(await again.Es10(new ProfileInfoListRequest().Encode()), Is.EqualTo(profiles));
            Assert.That(await again.Es10(new RetrieveNotificationsListRequest().Encode()), Is.EqualTo(notifications));
            Assert.That(await again.Es10(new EuiccConfiguredAddressesRequest().Encode()), Is.EqualTo(addresses));
            await again.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA));
            Assert.That((await Lpa.Notifications(again))[^1].SeqNumber, Is.GreaterThan(lastSeq), "the sequence counter continues");
            Assert.That(await again.Es10(ProfileManagementTests.Delete(ProfileManagementTests.IccidB)), Is.EqualTo(new DeleteProfileResponse(Rsp.StatusCodes.DeleteProfileResult.ok).Encode()));
        }
    }

    [Test]
    public async Task AnInstallationCutByPowerLossIsGoneAfterRestart()
    {
        TestCard card = await TestCard.OpenAsync(stateDirectory: _dir);
        var smdp = new TestSmdp(TestCard.Nist);
        PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk);
        for (int i = 0; i <= bpp.First86; i++)
        {
            await card.Es10(bpp.Chunks[i]);
        }
        // Power cut: the process ends without a reset reaching the card; only the state directory remains.
        card.Handler.Dispose();
        await using TestCard again = await TestCard.OpenAsync(stateDirectory: _dir);
        Assert.That(await Lpa.Profiles(again), Is.Empty);
    }

    [Test]
    public async Task AStateDirectoryBelongsToOneEid()
    {
        await using (await TestCard.OpenAsync(stateDirectory: _dir))
        {
        }
        EuiccIdentity other = EuiccIdentity.Generate(new TestPkiOptions
        {
            Curves = [Rsp.Crypto.RspCurve.NistP256], IncludeNegativeVariants = false, Eid = "89049032123451234512345678901111",
        });
        var e = Assert.Throws<InvalidOperationException>(() => new Euicc.Es10.Es10Handler(other, stateDirectory: _dir));
        Assert.That(e!.Message, Does.Contain("89049032123451234512345678901235"));
    }
}
