using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>ES10c (and ES10b GetRAT / LoadCRL) records (SGP.22 v2.2.2 §5.7.12, §5.7.15–§5.7.22), vectors from the ASN.1 text.</summary>
public class Es10cTests
{
    private const string IccidHex = "98001032547698103214";
    private const string Aid = "A0000005591010FFFFFFFF8900001100";

    private static readonly string FullProfileInfo = Tlv.Of("E3",
        Tlv.Of("5A", IccidHex),
        Tlv.Of("4F", Aid),
        "9F700101",
        Tlv.Utf8("90", "mine"),
        Tlv.Utf8("91", "Operator"),
        Tlv.Utf8("92", "Profile"),
        "930100",
        "9402FFD8",
        "950101",
        Tlv.Of("B6", Tlv.Of("30", "80020640", Tlv.Utf8("81", "smdp.example.com"))),
        Tlv.Of("B7", "800321F354"),
        Tlv.Of("B8", "0603883701"),
        "99020520");

    [Test]
    public void ProfileInfoListRequestVariants()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(new ProfileInfoListRequest().Encode()), Is.EqualTo("BF2D00"));
            Assert.That(Tlv.HexOf(new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByProfileClass(ProfileClass.operational)).Encode()), Is.EqualTo("BF2D05A003950102"));
            Assert.That(Tlv.HexOf(new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByIccid(Iccid.FromString("89000123456789012341")), [0x5A, 0x9F, 0x70]).Encode()),
                Is.EqualTo(Tlv.Of("BF2D", Tlv.Of("A0", Tlv.Of("5A", IccidHex)), "5C035A9F70")));
            Assert.That(Tlv.HexOf(new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByIsdpAid(Tlv.Bytes(Aid))).Encode()),
                Is.EqualTo(Tlv.Of("BF2D", Tlv.Of("A0", Tlv.Of("4F", Aid)))));
        });
        var m = ProfileInfoListRequest.Decode(Tlv.Bytes(Tlv.Of("BF2D", Tlv.Of("A0", Tlv.Of("5A", IccidHex)), "5C035A9F70")));
        Assert.That(m.SearchCriteria!.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
        Assert.That(Tlv.HexOf(m.TagList!), Is.EqualTo("5A9F70"));
        Assert.That(ProfileInfoListRequest.Decode(Tlv.Bytes("BF2D05A003950102")).SearchCriteria!.ProfileClass, Is.EqualTo(ProfileClass.operational));
        Malformed.CheckFraming(d => ProfileInfoListRequest.Decode(d), "BF2D05A003950102", "ProfileInfoListRequest");
        var e = Tlv.Fails(() => ProfileInfoListRequest.Decode(Tlv.Bytes("BF2D05A003960102")), "ProfileInfoListRequest", 5);
        Assert.That(e.Problem, Does.Contain("unknown searchCriteria"));
    }

    [Test]
    public void ProfileInfoAllFields()
    {
        var p = ProfileInfo.Decode(Tlv.Bytes(FullProfileInfo));
        Assert.Multiple(() =>
        {
            Assert.That(p.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
            Assert.That(Tlv.HexOf(p.IsdpAid!), Is.EqualTo(Aid));
            Assert.That(p.ProfileState, Is.EqualTo(ProfileState.enabled));
            Assert.That(p.ProfileNickname, Is.EqualTo("mine"));
            Assert.That(p.ServiceProviderName, Is.EqualTo("Operator"));
            Assert.That(p.ProfileName, Is.EqualTo("Profile"));
            Assert.That(p.IconType, Is.EqualTo(IconType.jpg));
            Assert.That(p.ProfileClass, Is.EqualTo(ProfileClass.provisioning));
            Assert.That(p.NotificationConfigurationInfo![0].ProfileManagementOperation.IsSet(NotificationEvent.notificationEnable), Is.True);
            Assert.That(Tlv.HexOf(p.ProfileOwner!.MccMnc), Is.EqualTo("21F354"));
            Assert.That(p.DpProprietaryData!.DpOid, Is.EqualTo("2.999.1"));
            Assert.That(p.ProfilePolicyRules!.IsSet(PprId.ppr2), Is.True);
            Assert.That(Tlv.HexOf(p.Encode()), Is.EqualTo(FullProfileInfo));
        });
        var built = new ProfileInfo
        {
            Iccid = Iccid.FromString("89000123456789012341"),
            IsdpAid = Tlv.Bytes(Aid),
            ProfileState = ProfileState.enabled,
            ProfileNickname = "mine",
            ServiceProviderName = "Operator",
            ProfileName = "Profile",
            IconType = IconType.jpg,
            Icon = [0xFF, 0xD8],
            ProfileClass = ProfileClass.provisioning,
            NotificationConfigurationInfo = [new(NamedBitList.Of(NotificationEvent.notificationEnable), "smdp.example.com")],
            ProfileOwner = new OperatorId([0x21, 0xF3, 0x54]),
            DpProprietaryData = new DpProprietaryData("2.999.1"),
            ProfilePolicyRules = NamedBitList.Of(PprId.ppr2),
        };
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(FullProfileInfo));
        Malformed.CheckFraming(d => ProfileInfo.Decode(d), FullProfileInfo, "ProfileInfo");
        // profileState before isdpAid: a root component out of order.
        string outOfOrder = Tlv.Of("E3", Tlv.Of("5A", IccidHex), "9F700101", Tlv.Of("4F", Aid));
        var e = Tlv.Fails(() => ProfileInfo.Decode(Tlv.Bytes(outOfOrder)), "ProfileInfo", 2 + 12 + 4);
        Assert.That(e.Problem, Does.Contain("out of order"));
        string withExt = Tlv.Of("E3", Tlv.Of("5A", IccidHex), "BF2203800101");
        Assert.That(Tlv.HexOf(ProfileInfo.Decode(Tlv.Bytes(withExt)).Encode()), Is.EqualTo(withExt));
    }

    [Test]
    public void ProfileInfoListResponse()
    {
        string hex = Tlv.Of("BF2D", Tlv.Of("A0", FullProfileInfo, Tlv.Of("E3", Tlv.Of("5A", IccidHex))));
        var m = Conformance.Rsp.Asn1.Messages.ProfileInfoListResponse.Decode(Tlv.Bytes(hex));
        Assert.That(m.ProfileInfoListOk, Has.Count.EqualTo(2));
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(hex));
        Assert.That(Tlv.HexOf(new Conformance.Rsp.Asn1.Messages.ProfileInfoListResponse(m.ProfileInfoListOk!).Encode()), Is.EqualTo(hex));
        Assert.That(Conformance.Rsp.Asn1.Messages.ProfileInfoListResponse.Decode(Tlv.Bytes("BF2D03810101")).ProfileInfoListError, Is.EqualTo(ProfileInfoListError.incorrectInputValues));
        Malformed.CheckFraming(d => Conformance.Rsp.Asn1.Messages.ProfileInfoListResponse.Decode(d), hex, "ProfileInfoListResponse");
        // An element of the list that is not E3.
        Tlv.Fails(() => Conformance.Rsp.Asn1.Messages.ProfileInfoListResponse.Decode(Tlv.Bytes("BF2D04A0023000")), "ProfileInfoListResponse", 5);
    }

    [TestCase("BF31", 49)]
    [TestCase("BF32", 50)]
    public void EnableAndDisableRequests(string tag, int number)
    {
        string byIccid = Tlv.Of(tag, Tlv.Of("A0", Tlv.Of("5A", IccidHex)), "8101FF");
        string byAid = Tlv.Of(tag, Tlv.Of("A0", Tlv.Of("4F", Aid)), "810100");
        Func<ReadOnlyMemory<byte>, object> decode = number == 49 ? d => EnableProfileRequest.Decode(d) : d => DisableProfileRequest.Decode(d);
        string name = number == 49 ? "EnableProfileRequest" : "DisableProfileRequest";
        if (number == 49)
        {
            var m = EnableProfileRequest.Decode(Tlv.Bytes(byIccid));
            Assert.That(m.ProfileIdentifier.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
            Assert.That(m.RefreshFlag, Is.True);
            Assert.That(Tlv.HexOf(new EnableProfileRequest(ProfileIdentifier.ByIsdpAid(Tlv.Bytes(Aid)), false).Encode()), Is.EqualTo(byAid));
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(byIccid));
        }
        else
        {
            var m = DisableProfileRequest.Decode(Tlv.Bytes(byAid));
            Assert.That(Tlv.HexOf(m.ProfileIdentifier.IsdpAid!), Is.EqualTo(Aid));
            Assert.That(m.RefreshFlag, Is.False);
            Assert.That(Tlv.HexOf(new DisableProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString("89000123456789012341")), true).Encode()), Is.EqualTo(byIccid));
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(byAid));
        }
        Malformed.CheckFraming(decode, byIccid, name);
        var e = Tlv.Fails(() => decode(Tlv.Bytes(Tlv.Of(tag, Tlv.Of("A0", Tlv.Of("5A", IccidHex))))), name, 17);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory refreshFlag"));
    }

    [Test]
    public void SingleResultResponses()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnableProfileResponse.Decode(Tlv.Bytes("BF3103800105")).EnableResult, Is.EqualTo(EnableProfileResult.catBusy));
            Assert.That(DisableProfileResponse.Decode(Tlv.Bytes("BF3203800102")).DisableResult, Is.EqualTo(DisableProfileResult.profileNotInEnabledState));
            Assert.That(DeleteProfileResponse.Decode(Tlv.Bytes("BF3303800102")).DeleteResult, Is.EqualTo(DeleteProfileResult.profileNotInDisabledState));
            Assert.That(EuiccMemoryResetResponse.Decode(Tlv.Bytes("BF3403800101")).ResetResult, Is.EqualTo(EuiccMemoryResetResult.nothingToDelete));
            Assert.That(SetNicknameResponse.Decode(Tlv.Bytes("BF2903800101")).SetNicknameResult, Is.EqualTo(SetNicknameResult.iccidNotFound));
            // A value the enum does not name is kept, not lost.
            Assert.That((int)EnableProfileResponse.Decode(Tlv.Bytes("BF3103800163")).EnableResult, Is.EqualTo(0x63));
            Assert.That(Tlv.HexOf(EnableProfileResponse.Decode(Tlv.Bytes("BF3103800163")).Encode()), Is.EqualTo("BF3103800163"));
            Assert.That(Tlv.HexOf(new EnableProfileResponse(EnableProfileResult.ok).Encode()), Is.EqualTo("BF3103800100"));
            Assert.That(Tlv.HexOf(new DisableProfileResponse(DisableProfileResult.ok).Encode()), Is.EqualTo("BF3203800100"));
            Assert.That(Tlv.HexOf(new DeleteProfileResponse(DeleteProfileResult.ok).Encode()), Is.EqualTo("BF3303800100"));
            Assert.That(Tlv.HexOf(new EuiccMemoryResetResponse(EuiccMemoryResetResult.ok).Encode()), Is.EqualTo("BF3403800100"));
            Assert.That(Tlv.HexOf(new SetNicknameResponse(SetNicknameResult.ok).Encode()), Is.EqualTo("BF2903800100"));
        });
        Malformed.CheckFraming(d => EnableProfileResponse.Decode(d), "BF3103800100", "EnableProfileResponse");
        Malformed.CheckFraming(d => DisableProfileResponse.Decode(d), "BF3203800100", "DisableProfileResponse");
        Malformed.CheckFraming(d => DeleteProfileResponse.Decode(d), "BF3303800100", "DeleteProfileResponse");
        Malformed.CheckFraming(d => EuiccMemoryResetResponse.Decode(d), "BF3403800100", "EuiccMemoryResetResponse");
        Malformed.CheckFraming(d => SetNicknameResponse.Decode(d), "BF2903800100", "SetNicknameResponse");
        var e = Tlv.Fails(() => EnableProfileResponse.Decode(Tlv.Bytes("BF3100")), "EnableProfileResponse", 3);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory enableResult"));
        string ext = "BF31078001009F7F0101";
        Assert.That(Tlv.HexOf(EnableProfileResponse.Decode(Tlv.Bytes(ext)).Encode()), Is.EqualTo(ext));
    }

    [Test]
    public void DeleteProfileRequestIsAnExplicitChoice()
    {
        string hex = Tlv.Of("BF33", Tlv.Of("5A", IccidHex));
        Assert.That(DeleteProfileRequest.Decode(Tlv.Bytes(hex)).ProfileIdentifier.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
        Assert.That(Tlv.HexOf(new DeleteProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString("89000123456789012341"))).Encode()), Is.EqualTo(hex));
        Assert.That(Tlv.HexOf(new DeleteProfileRequest(ProfileIdentifier.ByIsdpAid(Tlv.Bytes(Aid))).Encode()), Is.EqualTo(Tlv.Of("BF33", Tlv.Of("4F", Aid))));
        Malformed.CheckFraming(d => DeleteProfileRequest.Decode(d), hex, "DeleteProfileRequest");
        var e = Tlv.Fails(() => DeleteProfileRequest.Decode(Tlv.Bytes("BF3300")), "DeleteProfileRequest", 3);
        Assert.That(e.Problem, Does.Contain("missing mandatory"));
    }

    [Test]
    public void EuiccMemoryResetRequestBits()
    {
        var all = new EuiccMemoryResetRequest(NamedBitList.Of(ResetOption.deleteOperationalProfiles, ResetOption.deleteFieldLoadedTestProfiles, ResetOption.resetDefaultSmdpAddress));
        Assert.That(Tlv.HexOf(all.Encode()), Is.EqualTo("BF3404820205E0"));
        var m = EuiccMemoryResetRequest.Decode(Tlv.Bytes("BF3404820206C0"));
        Assert.That(m.ResetOptions.IsSet(ResetOption.deleteFieldLoadedTestProfiles), Is.True);
        Assert.That(m.ResetOptions.IsSet(ResetOption.resetDefaultSmdpAddress), Is.False);
        Malformed.CheckFraming(d => EuiccMemoryResetRequest.Decode(d), "BF3404820205E0", "EuiccMemoryResetRequest");
        Tlv.Fails(() => EuiccMemoryResetRequest.Decode(Tlv.Bytes("BF3400")), "EuiccMemoryResetRequest", 3);
    }

    [Test]
    public void SetNicknameRequest()
    {
        string hex = Tlv.Of("BF29", Tlv.Of("5A", IccidHex), Tlv.Utf8("90", "work"));
        var m = Conformance.Rsp.Asn1.Messages.SetNicknameRequest.Decode(Tlv.Bytes(hex));
        Assert.That(m.ProfileNickname, Is.EqualTo("work"));
        Assert.That(Tlv.HexOf(new Conformance.Rsp.Asn1.Messages.SetNicknameRequest(Iccid.FromString("89000123456789012341"), "work").Encode()), Is.EqualTo(hex));
        Malformed.CheckFraming(d => Conformance.Rsp.Asn1.Messages.SetNicknameRequest.Decode(d), hex, "SetNicknameRequest");
        var e = Tlv.Fails(() => Conformance.Rsp.Asn1.Messages.SetNicknameRequest.Decode(Tlv.Bytes(Tlv.Of("BF29", Tlv.Of("5A", IccidHex)))), "SetNicknameRequest", 15);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory profileNickname"));
    }

    [Test]
    public void GetRat()
    {
        Assert.That(Tlv.HexOf(new GetRatRequest().Encode()), Is.EqualTo("BF4300"));
        Malformed.CheckFraming(d => GetRatRequest.Decode(d), "BF4300", "GetRatRequest");
        // rat [0]: A0 { ProfilePolicyAuthorisationRule 30 { pprIds 80, allowedOperators A1 { OperatorId 30 {80 81} }, pprFlags 82 } }
        string hex = Tlv.Of("BF43", Tlv.Of("A0", Tlv.Of("30", "80020640", Tlv.Of("A1", Tlv.Of("30", "800321F354", "8101AA")), "82020780")));
        var m = GetRatResponse.Decode(Tlv.Bytes(hex));
        var rule = m.Rat.Single();
        Assert.Multiple(() =>
        {
            Assert.That(rule.PprIds.IsSet(PprId.ppr1), Is.True);
            Assert.That(rule.PprFlags.IsSet(PprFlag.consentRequired), Is.True);
            Assert.That(Tlv.HexOf(rule.AllowedOperators.Single().MccMnc), Is.EqualTo("21F354"));
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(hex));
        });
        var built = new GetRatResponse([new ProfilePolicyAuthorisationRule(NamedBitList.Of(PprId.ppr1), [new OperatorId([0x21, 0xF3, 0x54], [0xAA])], NamedBitList.Of(PprFlag.consentRequired))]);
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(hex));
        Malformed.CheckFraming(d => GetRatResponse.Decode(d), hex, "GetRatResponse");
        // pprFlags missing.
        string noFlags = Tlv.Of("BF43", Tlv.Of("A0", Tlv.Of("30", "80020640", "A100")));
        var e = Tlv.Fails(() => GetRatResponse.Decode(Tlv.Bytes(noFlags)), "ProfilePolicyAuthorisationRule", Tlv.Bytes(noFlags).Length);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory pprFlags"));
        // mccMnc of 2 bytes.
        Tlv.Fails(() => OperatorId.Decode(Tlv.Bytes("3004800221F3")), "OperatorId", 2);
    }

    [Test]
    public void LoadCrlRequestRetagsTheCertificateList()
    {
        // A stand-in CertificateList: SEQUENCE { INTEGER 1, NULL }. On the wire crl is [0] IMPLICIT: A0 replaces 30.
        const string crl = "30050201010500";
        const string hex = "BF3507A0050201010500";
        var m = LoadCRLRequest.Decode(Tlv.Bytes(hex));
        Assert.That(Tlv.HexOf(m.Crl.ToArray()), Is.EqualTo(crl));
        Assert.That(Tlv.HexOf(new LoadCRLRequest(Tlv.Bytes(crl)).Encode()), Is.EqualTo(hex));
        Malformed.CheckFraming(d => LoadCRLRequest.Decode(d), hex, "LoadCRLRequest");
        var e = Tlv.Fails(() => LoadCRLRequest.Decode(Tlv.Bytes("BF350730050201010500")), "LoadCRLRequest", 3);
        Assert.That(e.Problem, Does.Contain("expected tag A0"));
    }

    [Test]
    public void LoadCrlResponse()
    {
        string missing = Tlv.Of("BF35", Tlv.Of("A0", Tlv.Of("A0", "3003800100", "3003800102")));
        var m = LoadCRLResponse.Decode(Tlv.Bytes(missing));
        Assert.That(m.LoadCRLResponseOk!.MissingParts, Is.EqualTo(new[] { 0, 2 }));
        Assert.That(Tlv.HexOf(new LoadCRLResponse(new LoadCRLResponseOk([0, 2])).Encode()), Is.EqualTo(missing));
        Assert.That(Tlv.HexOf(new LoadCRLResponse(new LoadCRLResponseOk()).Encode()), Is.EqualTo("BF3502A000"));
        Assert.That(LoadCRLResponse.Decode(Tlv.Bytes("BF35038101" + "05")).LoadCRLResponseError, Is.EqualTo(LoadCrlError.fresherCrlAlreadyLoaded));
        Assert.That(Tlv.HexOf(new LoadCRLResponse(LoadCrlError.baseCrlMissing).Encode()), Is.EqualTo("BF3503810106"));
        Malformed.CheckFraming(d => LoadCRLResponse.Decode(d), missing, "LoadCRLResponse");
        Tlv.Fails(() => LoadCRLResponse.Decode(Tlv.Bytes("BF3500")), "LoadCRLResponse", 3);
        Tlv.Fails(() => LoadCRLResponse.Decode(Tlv.Bytes(Tlv.Of("BF35", Tlv.Of("A0", Tlv.Of("A0", "30038001FF"))))), "LoadCRLResponseOk");
    }
}
