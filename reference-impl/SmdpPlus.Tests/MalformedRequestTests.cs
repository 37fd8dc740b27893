using System.Net;
using System.Text;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests;

/// <summary>Every malformed request answers HTTP 200 with status Failed and a generic code, never HTTP 500.</summary>
public class MalformedRequestTests
{
    private const string InitiateAuthentication = "gsma/rsp2/es9plus/initiateAuthentication";
    private const string AuthenticateClient = "gsma/rsp2/es9plus/authenticateClient";
    private static readonly string Challenge = Convert.ToBase64String(new byte[16]);
    private ServerHarness _h = null!;
    private HttpClient _lpa = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _h = await ServerHarness.StartAsync(o => o with { MaxRequestBodyBytes = 64 * 1024 });
        _lpa = _h.Client();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _lpa.Dispose();
        await _h.DisposeAsync();
    }

    private static void AssertFailed(RspAnswer a, string code, string messagePart)
    {
        Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(a.ExecutionStatus, Is.EqualTo("Failed"));
        Assert.That(a.Code, Is.EqualTo(code), a.Body.ToString());
        Assert.That(a.Message, Does.Contain(messagePart));
        Assert.That(a.Body.ToString(), Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task InvalidJson() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "{\"euiccChallenge\": "), "1.1 / 2.1", "not valid JSON");

    [Test]
    public async Task JsonThatIsNotAnObject() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "[1,2]"), "1.1 / 2.1", "must be a JSON object");

    [Test]
    public async Task BadBase64() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication,
            $"{{\"euiccChallenge\":\"{Challenge}\",\"euiccInfo1\":\"not*base64!\",\"smdpAddress\":\"testsmdpplus1.example.com\"}}"),
            "1.1 / 2.1", "euiccInfo1 is not valid base64");

    [Test]
    public async Task MissingMandatoryField() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication,
            $"{{\"euiccChallenge\":\"{Challenge}\",\"smdpAddress\":\"testsmdpplus1.example.com\"}}"),
            "1.1 / 2.2", "euiccInfo1 is missing");

    [Test]
    public async Task MissingTransactionIdUsesItsSubjectCode() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, AuthenticateClient, "{\"authenticateServerResponse\":\"AAAA\"}"),
            "8.10.1 / 2.2", "transactionId is missing");

    [Test]
    public async Task TransactionIdNotHex() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, AuthenticateClient, "{\"transactionId\":\"XYZ\",\"authenticateServerResponse\":\"AAAA\"}"),
            "8.10.1 / 2.1", "hexadecimal");

    [Test]
    public async Task WrongJsonType() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication,
            $"{{\"euiccChallenge\":\"{Challenge}\",\"euiccInfo1\":42,\"smdpAddress\":\"testsmdpplus1.example.com\"}}"),
            "1.1 / 2.1", "must be a JSON string, found Number");

    [Test]
    public async Task WrongChallengeLength() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication,
            "{\"euiccChallenge\":\"AAAA\",\"euiccInfo1\":\"AAAA\",\"smdpAddress\":\"testsmdpplus1.example.com\"}"),
            "1.1 / 2.1", "16 bytes");

    [Test]
    public async Task WrongContentType() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "{}", contentType: "text/plain"),
            "1.1 / 2.1", "Content-Type must be application/json");

    [Test]
    public async Task CharsetParameterIsAccepted()
    {
        RspAnswer a = await ServerHarness.PostAsync(_lpa, InitiateAuthentication,
            $"{{\"euiccChallenge\":\"{Challenge}\",\"euiccInfo1\":\"vyAA\",\"smdpAddress\":\"other.example.com\"}}",
            contentType: "application/json; charset=UTF-8");
        AssertFailed(a, "8.8.1 / 3.8", "other.example.com");
    }

    [Test]
    public async Task MissingAdminProtocolHeader() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "{}", adminProtocol: null),
            "1.1 / 2.2", "X-Admin-Protocol");

    [Test]
    public async Task MalformedAdminProtocolHeader() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "{}", adminProtocol: "rsp/2"),
            "1.1 / 2.1", "X-Admin-Protocol");

    [Test]
    public async Task AdminProtocolIsEchoed()
    {
        RspAnswer a = await ServerHarness.PostAsync(_lpa, InitiateAuthentication, "{}", adminProtocol: "gsma/rsp/v2.5.0");
        Assert.That(a.AdminProtocol, Is.EqualTo("gsma/rsp/v2.5.0"));
        Assert.That(a.ContentType, Is.EqualTo("application/json; charset=utf-8").IgnoreCase.Or.EqualTo("application/json;charset=UTF-8"));
    }

    [Test]
    public async Task OversizedBody()
    {
        string big = $"{{\"pendingNotification\":\"{Convert.ToBase64String(new byte[100_000])}\"}}";
        AssertFailed(await ServerHarness.PostAsync(_lpa, "gsma/rsp2/es9plus/handleNotification", big), "1.1 / 2.1", "larger than 65536 bytes");
    }

    [Test]
    public async Task OversizedBodyWithoutContentLength()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "gsma/rsp2/es9plus/handleNotification")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 200_000) + "{}"))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Admin-Protocol", ServerHarness.AdminProtocol);
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await _lpa.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("larger than 65536 bytes"));
    }

    [TestCase("gsma/rsp2/es9plus/noSuchFunction")]
    [TestCase("gsma/rsp2/es2plus/handleDownloadProgressInfo")]
    [TestCase("somewhere/else")]
    public async Task UnknownPath(string path) =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, path, "{}"), "1.2 / 3.1", "no RSP function");

    [Test]
    public async Task WrongMethod()
    {
        using HttpResponseMessage response = await _lpa.GetAsync(InitiateAuthentication);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"Failed\"").And.Contain("\"1.2\""));
    }

    [Test]
    public async Task Asn1BindingRefusesJson() =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, "gsma/rsp2/asn1", "{}"), "1.1 / 2.1", "application/x-gsma-rsp-asn1");

    [TestCase("initiateAuthentication", "{\"euiccChallenge\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"euiccInfo1\":\"vyAA\",\"smdpAddress\":\"TestSmdpPlus1.Example.com\"}")]
    [TestCase("authenticateClient", "{\"transactionId\":\"0102\",\"authenticateServerResponse\":\"vzgA\"}")]
    [TestCase("getBoundProfilePackage", "{\"transactionId\":\"0102\",\"prepareDownloadResponse\":\"vyEA\"}")]
    [TestCase("handleNotification", "{\"pendingNotification\":\"vzcA\"}")]
    [TestCase("cancelSession", "{\"transactionId\":\"0102\",\"cancelSessionResponse\":\"vkEA\"}")]
    public async Task Es9PlusMalformedDerAnswersFailedNamingTheField(string function, string json) =>
        AssertFailed(await ServerHarness.PostAsync(_lpa, "gsma/rsp2/es9plus/" + function, json), "1.1 / 2.1", "is not valid");
}
