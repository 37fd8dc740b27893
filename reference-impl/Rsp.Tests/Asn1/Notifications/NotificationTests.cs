using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>Notification records (SGP.22 v2.2.2 §5.7.6, §5.7.9–§5.7.11, §2.6.8), vectors written from the ASN.1 text.</summary>
public class NotificationTests
{
    private const string IccidHex = "98001032547698103214";
    private static readonly string Tid = "0102030405060708090A0B0C0D0E0F10";
    private static readonly string Sig = Tlv.Repeat("55", 64);
    private static readonly string Aid = "A0000005591010FFFFFFFF8900001100";

    // seqNumber [0], profileManagementOperation [1] (notificationInstall: bit 0), notificationAddress UTF8String, iccid 5A.
    private static readonly string Metadata = Tlv.Of("BF2F", "800105", "81020780", Tlv.Utf8("0C", "smdp.example.com"), Tlv.Of("5A", IccidHex));

    private static readonly string PirDataOk = Tlv.Of("BF27", Tlv.Of("80", Tid), Metadata, "0603883701",
        Tlv.Of("A2", Tlv.Of("A0", Tlv.Of("4F", Aid), "04029000")));

    private static readonly string PirOk = Tlv.Of("BF37", PirDataOk, Tlv.Of("5F37", Sig));

    private static readonly string PirError = Tlv.Of("BF37",
        Tlv.Of("BF27", Tlv.Of("80", Tid), Metadata, "0603883701", Tlv.Of("A2", Tlv.Of("A1", "800102", "810108"))),
        Tlv.Of("5F37", Sig));

    // notificationEnable is bit 1: 03 02 06 40.
    private static readonly string OtherMetadata = Tlv.Of("BF2F", "800106", "81020640", Tlv.Utf8("0C", "smdp.example.com"), Tlv.Of("5A", IccidHex));
    private static readonly string Other = Tlv.Of("30", OtherMetadata, Tlv.Of("5F37", Sig), "3003020101", "3003020102");

    [Test]
    public void NotificationMetadataRoundTrips()
    {
        var m = NotificationMetadata.Decode(Tlv.Bytes(Metadata));
        Assert.Multiple(() =>
        {
            Assert.That(m.SeqNumber, Is.EqualTo(5));
            Assert.That(m.ProfileManagementOperation.SetBits, Is.EqualTo(new[] { (int)NotificationEvent.notificationInstall }));
            Assert.That(m.NotificationAddress, Is.EqualTo("smdp.example.com"));
            Assert.That(m.Iccid!.ToString(), Is.EqualTo("89000123456789012341"));
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(Metadata));
        });
        var built = new NotificationMetadata(5, NamedBitList.Of(NotificationEvent.notificationInstall), "smdp.example.com", Iccid.FromString("89000123456789012341"));
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(Metadata));
        Assert.That(NotificationMetadata.Decode(built.Encode()).Encode(), Is.EqualTo(built.Encode()));
    }

    [Test]
    public void NotificationMetadataMalformed()
    {
        Malformed.CheckFraming(d => NotificationMetadata.Decode(d), Metadata, "NotificationMetadata");
        string noAddress = Tlv.Of("BF2F", "800105", "81020780");
        var e = Tlv.Fails(() => NotificationMetadata.Decode(Tlv.Bytes(noAddress)), "NotificationMetadata", 10);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory notificationAddress"));
    }

    [Test]
    public void ProfileInstallationResultSuccessKeepsTheSignedData()
    {
        var pir = ProfileInstallationResult.Decode(Tlv.Bytes(PirOk));
        var data = pir.ProfileInstallationResultData;
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(data.TransactionId), Is.EqualTo(Tid));
            Assert.That(data.SmdpOid, Is.EqualTo("2.999.1"));
            Assert.That(data.ErrorResult, Is.Null);
            Assert.That(Tlv.HexOf(data.SuccessResult!.Aid), Is.EqualTo(Aid));
            Assert.That(Tlv.HexOf(data.SuccessResult.SimaResponse), Is.EqualTo("9000"));
            Assert.That(data.NotificationMetadata.SeqNumber, Is.EqualTo(5));
            Assert.That(Tlv.HexOf(pir.EuiccSignPIR), Is.EqualTo(Sig));
            Assert.That(Tlv.HexOf(pir.DataToBeSigned()), Is.EqualTo(PirDataOk));
            Assert.That(Tlv.HexOf(pir.ProfileInstallationResultDataRaw.ToArray()), Is.EqualTo(PirDataOk));
            Assert.That(Tlv.HexOf(pir.Encode()), Is.EqualTo(PirOk));
        });
        var built = new ProfileInstallationResult(
            new ProfileInstallationResultData(Tlv.Bytes(Tid), NotificationMetadata.Decode(Tlv.Bytes(Metadata)), "2.999.1",
                new SuccessResult(Tlv.Bytes(Aid), [0x90, 0x00]), null),
            Tlv.Bytes(Sig));
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(PirOk));
            Assert.That(Tlv.HexOf(built.DataToBeSigned()), Is.EqualTo(PirDataOk));
        });
    }

    [Test]
    public void ProfileInstallationResultErrorResult()
    {
        var pir = ProfileInstallationResult.Decode(Tlv.Bytes(PirError));
        var error = pir.ProfileInstallationResultData.ErrorResult!;
        Assert.Multiple(() =>
        {
            Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Null);
            Assert.That(error.BppCommandId, Is.EqualTo(BppCommandId.storeMetadata));
            Assert.That(error.ErrorReason, Is.EqualTo(ErrorReason.scp03tSecurityError));
            Assert.That(error.SimaResponse, Is.Null);
            Assert.That(Tlv.HexOf(pir.Encode()), Is.EqualTo(PirError));
        });
    }

    [Test]
    public void ProfileInstallationResultExtensionInsideTheSignedPartSurvives()
    {
        string data = Tlv.Of("BF27", Tlv.Of("80", Tid), Metadata, "0603883701", Tlv.Of("A2", Tlv.Of("A1", "800101", "810101")), "9F7F0101");
        string hex = Tlv.Of("BF37", data, Tlv.Of("5F37", Sig));
        var pir = ProfileInstallationResult.Decode(Tlv.Bytes(hex));
        Assert.Multiple(() =>
        {
            Assert.That(pir.ProfileInstallationResultData.Extensions, Has.Count.EqualTo(1));
            Assert.That(Tlv.HexOf(pir.DataToBeSigned()), Is.EqualTo(data));
            Assert.That(Tlv.HexOf(pir.Encode()), Is.EqualTo(hex));
        });
        var changed = pir with { ProfileInstallationResultData = pir.ProfileInstallationResultData with { SmdpOid = "2.999.2" } };
        Assert.That(changed.ProfileInstallationResultDataRaw.IsEmpty, Is.True);
        Assert.That(Tlv.HexOf(changed.DataToBeSigned()), Does.Contain("0603883702"));
    }

    [Test]
    public void ProfileInstallationResultMalformed()
    {
        Malformed.CheckFraming(d => ProfileInstallationResult.Decode(d), PirOk, "ProfileInstallationResult");
        // smdpOid missing: finalResult comes where the OID is mandatory. Error names the inner type.
        string noOid = Tlv.Of("BF37", Tlv.Of("BF27", Tlv.Of("80", Tid), Metadata, Tlv.Of("A2", Tlv.Of("A1", "800101", "810101"))), Tlv.Of("5F37", Sig));
        // BF37 81 xx (4), BF27 xx (3), transactionId (18), notificationMetadata.
        int at = 4 + 3 + 18 + Tlv.Bytes(Metadata).Length;
        var e = Tlv.Fails(() => ProfileInstallationResult.Decode(Tlv.Bytes(noOid)), "ProfileInstallationResultData", at);
        Assert.That(e.Problem, Does.Contain("smdpOid"));
        // finalResult with an unknown alternative.
        string badChoice = Tlv.Of("BF37", Tlv.Of("BF27", Tlv.Of("80", Tid), Metadata, "0603883701", Tlv.Of("A2", "A500")), Tlv.Of("5F37", Sig));
        e = Tlv.Fails(() => ProfileInstallationResult.Decode(Tlv.Bytes(badChoice)), "ProfileInstallationResultData");
        Assert.That(e.Problem, Does.Contain("finalResult"));
        // euiccSignPIR missing.
        e = Tlv.Fails(() => ProfileInstallationResult.Decode(Tlv.Bytes(Tlv.Of("BF37", PirDataOk))), "ProfileInstallationResult");
        Assert.That(e.Problem, Is.EqualTo("missing mandatory euiccSignPIR"));
    }

    [Test]
    public void OtherSignedNotificationKeepsTbsAndCertificates()
    {
        var n = OtherSignedNotification.Decode(Tlv.Bytes(Other));
        Assert.Multiple(() =>
        {
            Assert.That(n.TbsOtherNotification.ProfileManagementOperation.IsSet(NotificationEvent.notificationEnable), Is.True);
            Assert.That(Tlv.HexOf(n.DataToBeSigned()), Is.EqualTo(OtherMetadata));
            Assert.That(Tlv.HexOf(n.EuiccCertificate.ToArray()), Is.EqualTo("3003020101"));
            Assert.That(Tlv.HexOf(n.EumCertificate.ToArray()), Is.EqualTo("3003020102"));
            Assert.That(Tlv.HexOf(n.Encode()), Is.EqualTo(Other));
        });
        var built = new OtherSignedNotification(NotificationMetadata.Decode(Tlv.Bytes(OtherMetadata)), Tlv.Bytes(Sig), Tlv.Bytes("3003020101"), Tlv.Bytes("3003020102"));
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(Other));
        Malformed.CheckFraming(d => OtherSignedNotification.Decode(d), Other, "OtherSignedNotification");
        string noEum = Tlv.Of("30", OtherMetadata, Tlv.Of("5F37", Sig), "3003020101");
        var e = Tlv.Fails(() => OtherSignedNotification.Decode(Tlv.Bytes(noEum)), "OtherSignedNotification", Tlv.Bytes(noEum).Length);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory eumCertificate"));
    }

    [Test]
    public void RetrieveNotificationsListResponseCarriesBothKinds()
    {
        string hex = Tlv.Of("BF2B", Tlv.Of("A0", PirOk, Other));
        var m = RetrieveNotificationsListResponse.Decode(Tlv.Bytes(hex));
        Assert.Multiple(() =>
        {
            Assert.That(m.NotificationList, Has.Count.EqualTo(2));
            Assert.That(m.NotificationList![0].ProfileInstallationResult, Is.Not.Null);
            Assert.That(m.NotificationList[1].OtherSignedNotification, Is.Not.Null);
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(hex));
        });
        var built = new RetrieveNotificationsListResponse([
            new PendingNotification(ProfileInstallationResult.Decode(Tlv.Bytes(PirOk))),
            new PendingNotification(OtherSignedNotification.Decode(Tlv.Bytes(Other))),
        ]);
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(hex));
        Assert.That(Tlv.HexOf(PendingNotification.Decode(Tlv.Bytes(Other)).Encode()), Is.EqualTo(Other));

        var error = RetrieveNotificationsListResponse.Decode(Tlv.Bytes("BF2B03810101"));
        Assert.That(error.NotificationsListResultError, Is.EqualTo(NotificationListError.noResultAvailable));
        Assert.That(Tlv.HexOf(new RetrieveNotificationsListResponse(NotificationListError.noResultAvailable).Encode()), Is.EqualTo("BF2B03810101"));

        Malformed.CheckFraming(d => RetrieveNotificationsListResponse.Decode(d), hex, "RetrieveNotificationsListResponse");
        var e = Tlv.Fails(() => RetrieveNotificationsListResponse.Decode(Tlv.Bytes("BF2B03820101")), "RetrieveNotificationsListResponse", 3);
        Assert.That(e.Problem, Does.Contain("unknown"));
        Tlv.Fails(() => RetrieveNotificationsListResponse.Decode(Tlv.Bytes(Tlv.Of("BF2B", Tlv.Of("A0", "A100")))), "PendingNotification", 5);
    }

    [Test]
    public void RetrieveNotificationsListRequestSearchCriteria()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(new RetrieveNotificationsListRequest().Encode()), Is.EqualTo("BF2B00"));
            Assert.That(Tlv.HexOf(new RetrieveNotificationsListRequest(5).Encode()), Is.EqualTo("BF2B05A003800105"));
            Assert.That(Tlv.HexOf(new RetrieveNotificationsListRequest(NamedBitList.Of(NotificationEvent.notificationDisable)).Encode()),
                Is.EqualTo("BF2B06A00481020520"));
            Assert.That(RetrieveNotificationsListRequest.Decode(Tlv.Bytes("BF2B05A003800105")).SeqNumber, Is.EqualTo(5));
            Assert.That(RetrieveNotificationsListRequest.Decode(Tlv.Bytes("BF2B06A00481020520")).ProfileManagementOperation!
                .IsSet(NotificationEvent.notificationDisable), Is.True);
            Assert.That(RetrieveNotificationsListRequest.Decode(Tlv.Bytes("BF2B00")).SeqNumber, Is.Null);
        });
        Malformed.CheckFraming(d => RetrieveNotificationsListRequest.Decode(d), "BF2B05A003800105", "RetrieveNotificationsListRequest");
        // Two criteria in the CHOICE.
        var e = Tlv.Fails(() => RetrieveNotificationsListRequest.Decode(Tlv.Bytes("BF2B08A006800105800106")), "RetrieveNotificationsListRequest", 8);
        Assert.That(e.Problem, Does.Contain("trailing"));
        string ext = "BF2B099F7F0101A003800105";
        Tlv.Fails(() => RetrieveNotificationsListRequest.Decode(Tlv.Bytes(ext)), "RetrieveNotificationsListRequest");
        string extAfter = "BF2B09A0038001059F7F0101";
        Assert.That(Tlv.HexOf(RetrieveNotificationsListRequest.Decode(Tlv.Bytes(extAfter)).Encode()), Is.EqualTo(extAfter));
    }

    [Test]
    public void ListNotificationRequestAndResponse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(new ListNotificationRequest().Encode()), Is.EqualTo("BF2800"));
            Assert.That(Tlv.HexOf(new ListNotificationRequest(NamedBitList.Of(NotificationEvent.notificationInstall)).Encode()), Is.EqualTo("BF280481020780"));
            Assert.That(ListNotificationRequest.Decode(Tlv.Bytes("BF280481020780")).ProfileManagementOperation!.IsSet(0), Is.True);
        });
        Malformed.CheckFraming(d => ListNotificationRequest.Decode(d), "BF280481020780", "ListNotificationRequest");

        string list = Tlv.Of("BF28", Tlv.Of("A0", Metadata, OtherMetadata));
        var response = ListNotificationResponse.Decode(Tlv.Bytes(list));
        Assert.Multiple(() =>
        {
            Assert.That(response.NotificationMetadataList!.Select(x => x.SeqNumber), Is.EqualTo(new[] { 5, 6 }));
            Assert.That(Tlv.HexOf(response.Encode()), Is.EqualTo(list));
            Assert.That(Tlv.HexOf(new ListNotificationResponse(response.NotificationMetadataList!).Encode()), Is.EqualTo(list));
            Assert.That(Tlv.HexOf(new ListNotificationResponse([]).Encode()), Is.EqualTo("BF2802A000"));
            Assert.That(ListNotificationResponse.Decode(Tlv.Bytes("BF280381017F")).ListNotificationsResultError, Is.EqualTo(NotificationListError.undefinedError));
        });
        Malformed.CheckFraming(d => ListNotificationResponse.Decode(d), list, "ListNotificationResponse");
        Tlv.Fails(() => ListNotificationResponse.Decode(Tlv.Bytes("BF2800")), "ListNotificationResponse", 3);
    }

    [Test]
    public void NotificationSentRequestAndResponse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(new NotificationSentRequest(5).Encode()), Is.EqualTo("BF3003800105"));
            Assert.That(NotificationSentRequest.Decode(Tlv.Bytes("BF3003800105")).SeqNumber, Is.EqualTo(5));
            Assert.That(Tlv.HexOf(new NotificationSentResponse(NotificationSentResult.nothingToDelete).Encode()), Is.EqualTo("BF3003800101"));
            Assert.That(NotificationSentResponse.Decode(Tlv.Bytes("BF3003800101")).DeleteNotificationStatus, Is.EqualTo(NotificationSentResult.nothingToDelete));
        });
        Malformed.CheckFraming(d => NotificationSentRequest.Decode(d), "BF3003800105", "NotificationSentRequest");
        Malformed.CheckFraming(d => NotificationSentResponse.Decode(d), "BF3003800101", "NotificationSentResponse");
        var e = Tlv.Fails(() => NotificationSentRequest.Decode(Tlv.Bytes("BF3000")), "NotificationSentRequest", 3);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory seqNumber"));
        Tlv.Fails(() => NotificationSentResponse.Decode(Tlv.Bytes("BF3000")), "NotificationSentResponse", 3);
    }
}
