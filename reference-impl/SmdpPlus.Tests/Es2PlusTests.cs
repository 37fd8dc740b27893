using System.Net;
using System.Security.Cryptography.X509Certificates;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests;

/// <summary>ES2+ over real HTTPS to 127.0.0.1 with an operator client certificate (SGP.22 §5.3.1–§5.3.4).</summary>
public class Es2PlusTests
{
    private const string Eid1 = "89049032123451234512345678901235";
    private const string Eid2 = "89049032123451234512345678901299";
    private ServerHarness _h = null!;
    private HttpClient _op = null!;
    private int _next;

    [OneTimeSetUp]
    public async Task Start()
    {
        _h = await ServerHarness.StartAsync();
        _op = _h.OperatorClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _op.Dispose();
        await _h.DisposeAsync();
    }

    private async Task<string> NewProfileAsync(string type = "Gold")
    {
        string iccid = $"8904903200000{Interlocked.Increment(ref _next):D6}";
        await _h.Store.AddProfileAsync(new ProfileRecord { Iccid = iccid, ProfileType = type });
        return iccid;
    }

    private Task<RspAnswer> Call(string function, object fields) =>
        ServerHarness.PostAsync(_op, "gsma/rsp2/es2plus/" + function, ServerHarness.Es2Json(fields));

    private async Task<SmdpProfileState> StateOf(string iccid) => (await _h.Store.GetProfileAsync(iccid))!.State;

    private static void AssertFailed(RspAnswer a, string code)
    {
        Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(a.ExecutionStatus, Is.EqualTo("Failed"));
        Assert.That(a.Code, Is.EqualTo(code), a.Body.ToString());
    }

    private static void AssertSuccess(RspAnswer a)
    {
        Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(a.ExecutionStatus, Is.EqualTo("Executed-Success"), a.Body.ToString());
        Assert.That(a.AdminProtocol, Is.EqualTo(ServerHarness.AdminProtocol));
        Assert.That(a.ContentType, Does.StartWith("application/json"));
    }

    [Test]
    public async Task DownloadOrderByIccidWithEidLinksTheProfile()
    {
        string iccid = await NewProfileAsync();
        RspAnswer a = await Call("downloadOrder", new { eid = Eid1, iccid });
        AssertSuccess(a);
        Assert.That(a.Field("iccid"), Is.EqualTo(iccid));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Linked));
    }

    [Test]
    public async Task DownloadOrderByProfileTypeAllocatesOne()
    {
        string iccid = await NewProfileAsync("Silver");
        RspAnswer a = await Call("downloadOrder", new { profileType = "Silver" });
        AssertSuccess(a);
        Assert.That(a.Field("iccid"), Is.EqualTo(iccid));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Allocated));
        AssertFailed(await Call("downloadOrder", new { profileType = "Silver" }), "8.2.5 / 3.7");
    }

    [Test]
    public async Task DownloadOrderErrors()
    {
        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid }));
        AssertFailed(await Call("downloadOrder", new { iccid }), "8.2.1 / 3.3");
        AssertFailed(await Call("downloadOrder", new { iccid = "8904903299999999999" }), "8.2.1 / 3.9");
        AssertFailed(await Call("downloadOrder", new { profileType = "NoSuchType" }), "8.2.5 / 3.9");
        string other = await NewProfileAsync("Gold");
        AssertFailed(await Call("downloadOrder", new { iccid = other, profileType = "Silver" }), "8.2.5 / 3.8");
        AssertFailed(await Call("downloadOrder", new { eid = Eid1 }), "1.1 / 2.3");
        Assert.That(await StateOf(other), Is.EqualTo(SmdpProfileState.Available));
    }

    [Test]
    public async Task ConfirmOrderGeneratesMatchingIdAndReleases()
    {
        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid }));
        RspAnswer a = await Call("confirmOrder", new { iccid, eid = Eid1, confirmationCode = "4321", releaseFlag = true });
        AssertSuccess(a);
        Assert.That(a.Field("matchingId"), Does.Match("^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$"));
        Assert.That(a.Field("eid"), Is.EqualTo(Eid1));
        Assert.That(a.Field("smdpAddress"), Is.EqualTo("testsmdpplus1.example.com"));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Released));
        OrderRecord order = (await _h.Store.GetOrderAsync(iccid))!;
        Assert.That(order.MatchingId, Is.EqualTo(a.Field("matchingId")));
        Assert.That(order.ConfirmationCodeHash, Is.EqualTo(System.Security.Cryptography.SHA256.HashData("4321"u8)));
        Assert.That(order.ExpiresAt, Is.GreaterThan(DateTimeOffset.UtcNow));
    }

    [Test]
    public async Task ConfirmOrderWithoutReleaseThenReleaseProfile()
    {
        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid, eid = Eid1 }));
        RspAnswer a = await Call("confirmOrder", new { iccid, matchingId = "MY-ORDER-1", releaseFlag = false });
        AssertSuccess(a);
        Assert.That((a.Field("matchingId"), a.Field("eid")), Is.EqualTo(("MY-ORDER-1", Eid1)));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Confirmed));
        AssertFailed(await Call("confirmOrder", new { iccid, releaseFlag = true }), "8.2.1 / 3.3");
        AssertSuccess(await Call("releaseProfile", new { iccid }));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Released));
        AssertFailed(await Call("releaseProfile", new { iccid }), "8.2.1 / 3.5");
    }

    [Test]
    public async Task ConfirmOrderErrors()
    {
        AssertFailed(await Call("confirmOrder", new { iccid = "8904903299999999998", releaseFlag = true }), "8.2.1 / 3.9");

        string taken = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid = taken }));
        AssertSuccess(await Call("confirmOrder", new { iccid = taken, matchingId = "SAME-ID", releaseFlag = true }));

        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid }));
        AssertFailed(await Call("confirmOrder", new { iccid, matchingId = "SAME-ID", releaseFlag = true }), "8.2.6 / 3.3");
        AssertFailed(await Call("confirmOrder", new { iccid, matchingId = "", releaseFlag = true }), "8.1.1 / 2.2");
        AssertFailed(await Call("confirmOrder", new { iccid, smdsAddress = "lpa.ds.gsma.com", releaseFlag = true }), "8.1.1 / 2.2");
        AssertFailed(await Call("confirmOrder", new { iccid, eid = Eid1, smdsAddress = "no-such-smds.invalid", releaseFlag = true }), "8.9 / 5.1");
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Allocated), "failed calls change nothing");

        string linked = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid = linked, eid = Eid1 }));
        AssertFailed(await Call("confirmOrder", new { iccid = linked, eid = Eid2, releaseFlag = true }), "8.1.1 / 3.10");
    }

    [Test]
    public async Task ConfirmOrderWithEmptyMatchingIdAndEidOrKnownSmds()
    {
        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid }));
        RspAnswer a = await Call("confirmOrder", new { iccid, eid = Eid1, matchingId = "", smdsAddress = "LPA.DS.GSMA.COM", releaseFlag = true });
        AssertSuccess(a);
        Assert.That(a.Field("matchingId"), Is.Empty);
    }

    [Test]
    public async Task CancelOrderPaths()
    {
        AssertFailed(await Call("cancelOrder", new { iccid = "8904903299999999997", finalProfileStatusIndicator = "Available" }), "8.2.1 / 3.9");

        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid, eid = Eid1 }));
        AssertSuccess(await Call("confirmOrder", new { iccid, matchingId = "CANCEL-ME", releaseFlag = true }));
        AssertFailed(await Call("cancelOrder", new { iccid, matchingId = "OTHER-ID", eid = Eid1, finalProfileStatusIndicator = "Available" }), "8.2.6 / 3.10");
        AssertFailed(await Call("cancelOrder", new { iccid, matchingId = "CANCEL-ME", finalProfileStatusIndicator = "Available" }), "8.1.1 / 2.2");
        AssertFailed(await Call("cancelOrder", new { iccid, eid = Eid2, finalProfileStatusIndicator = "Available" }), "8.1.1 / 3.10");
        AssertFailed(await Call("cancelOrder", new { iccid, finalProfileStatusIndicator = "Gone" }), "1.1 / 2.1");
        AssertSuccess(await Call("cancelOrder", new { iccid, matchingId = "CANCEL-ME", eid = Eid1, finalProfileStatusIndicator = "Unavailable" }));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Unavailable));
        Assert.That(await _h.Store.GetOrderAsync(iccid), Is.Null);
        AssertFailed(await Call("cancelOrder", new { iccid, finalProfileStatusIndicator = "Available" }), "8.2.1 / 3.9");

        string back = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid = back }));
        AssertSuccess(await Call("cancelOrder", new { iccid = back, finalProfileStatusIndicator = "Available" }));
        Assert.That(await StateOf(back), Is.EqualTo(SmdpProfileState.Available));
        AssertSuccess(await Call("downloadOrder", new { iccid = back }));
    }

    [Test]
    public async Task ReleaseProfileErrors()
    {
        AssertFailed(await Call("releaseProfile", new { iccid = "8904903299999999996" }), "8.2.1 / 3.9");
        string iccid = await NewProfileAsync();
        AssertSuccess(await Call("downloadOrder", new { iccid }));
        AssertFailed(await Call("releaseProfile", new { iccid }), "8.2.1 / 3.5");
    }

    [Test]
    public async Task RequestWithoutClientCertificateIsRefused()
    {
        string iccid = await NewProfileAsync();
        using HttpClient anonymous = _h.Client();
        RspAnswer a = await ServerHarness.PostAsync(anonymous, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid }));
        AssertFailed(a, "1.1 / 1.1");
        Assert.That(a.Message, Does.Contain("no TLS client certificate"));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Available));
    }

    [Test]
    public async Task ClientCertificateFromAnotherCaIsRefused()
    {
        string iccid = await NewProfileAsync();
        using HttpClient rogue = _h.Client(TestCertificates.RogueClient.Value);
        RspAnswer a = await ServerHarness.PostAsync(rogue, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid }));
        AssertFailed(a, "1.1 / 1.1");
        Assert.That(a.Message, Does.Contain("not trusted"));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Available));
    }

    /// <summary>Issue #14: the ES2+ client-certificate matrix. Only the operator's leaf, under its CA, allowing digitalSignature and clientAuth, gets in.</summary>
    [TestCase("the operator CA certificate itself", "CA certificate")]
    [TestCase("a leaf whose keyUsage is keyCertSign only", "without digitalSignature")]
    [TestCase("a leaf whose extendedKeyUsage is serverAuth only", "not trusted")]
    [TestCase("an expired leaf", "not trusted")]
    [TestCase("a leaf of another CA", "not trusted")]
    [TestCase("the operator's leaf with digitalSignature", null)]
    public async Task ClientCertificateMatrix(string which, string? refusal)
    {
        X509Certificate2 ca = TestCertificates.OperatorCa.Value;
        X509Certificate2 presented = which switch
        {
            "the operator CA certificate itself" => ca,
            "a leaf whose keyUsage is keyCertSign only" => TestCertificates.ClientCertificate(ca, "CN=Matrix Operator", X509KeyUsageFlags.KeyCertSign),
            "a leaf whose extendedKeyUsage is serverAuth only" => TestCertificates.ClientCertificate(ca, "CN=Matrix Operator", X509KeyUsageFlags.DigitalSignature, eku: "1.3.6.1.5.5.7.3.1"),
            "an expired leaf" => TestCertificates.ClientCertificate(ca, "CN=Matrix Operator", X509KeyUsageFlags.DigitalSignature, expired: true),
            "a leaf of another CA" => TestCertificates.RogueClient.Value,
            _ => TestCertificates.ClientCertificate(ca, "CN=Matrix Operator", X509KeyUsageFlags.DigitalSignature),
        };
        string iccid = await NewProfileAsync();
        using HttpClient client = _h.Client(presented);
        RspAnswer a = await ServerHarness.PostAsync(client, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { iccid }));
        if (refusal is null)
        {
            Assert.That(a.ExecutionStatus, Is.EqualTo("Executed-Success"), a.Body.ToString());
            return;
        }
        AssertFailed(a, "1.1 / 1.1");
        Assert.That(a.Message, Does.Contain(refusal));
        Assert.That(await StateOf(iccid), Is.EqualTo(SmdpProfileState.Available));
    }

    /// <summary>Issue #14: the caller is checked before the request is read, so an unknown caller learns nothing of its request.</summary>
    [TestCase("{not json")]
    [TestCase("{\"header\":{}}")]
    public async Task AnUnknownCallerIsRefusedBeforeItsRequestIsRead(string body)
    {
        using HttpClient anonymous = _h.Client();
        RspAnswer a = await ServerHarness.PostAsync(anonymous, "gsma/rsp2/es2plus/confirmOrder", body);
        AssertFailed(a, "1.1 / 1.1");
        Assert.That(a.Message, Does.Contain("no TLS client certificate"));
    }

    [Test]
    public async Task MissingRequestHeaderIsMandatoryElementMissing()
    {
        RspAnswer a = await ServerHarness.PostAsync(_op, "gsma/rsp2/es2plus/releaseProfile", "{\"iccid\":\"8904903200000000001\"}");
        AssertFailed(a, "1.1 / 2.2");
        Assert.That(a.Message, Does.Contain("header"));
    }
}
