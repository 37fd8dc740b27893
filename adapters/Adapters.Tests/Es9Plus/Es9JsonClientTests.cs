using System.Text.Json;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Tests.Http;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Es9Plus;

/// <summary>ES9+ over the JSON binding (SGP.22 §6.5.2) against WireMock: request shape, strict decoding, status.</summary>
public class Es9JsonClientTests
{
    private static readonly byte[] TransactionId = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
    private static readonly byte[] EuiccChallenge = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] ServerChallenge = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] Signature = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
    private static readonly byte[] PkId = Enumerable.Range(0, 20).Select(i => (byte)(0xF0 - i)).ToArray();
    // EUICCInfo1: BF20 { 82 03 020200 (svn 2.2.0), A9 16 { 04 14 <PkId> }, AA 16 { 04 14 <PkId> } }, written out by hand.
    private static readonly byte[] EuiccInfo1 = Convert.FromHexString("BF2035" + "8203020200" + "A916" + "0414" + Convert.ToHexString(PkId) + "AA16" + "0414" + Convert.ToHexString(PkId));

    private static void Answer(WireMockTarget t, string function, object body, int status = 200)
    {
        string json = JsonSerializer.Serialize(body);
        t.Server.Given(Request.Create().WithPath("/gsma/rsp2/es9plus/" + function).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8")
                .WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0").WithBody(json));
    }

    private static object Success => new { functionExecutionStatus = new { status = "Executed-Success" } };

    private static Es9InitiateAuthenticationRequest InitiateRequest => new(EuiccChallenge, EuiccInfo1, "testsmdpplus1.example.com");

    [Test]
    public async Task InitiateAuthenticationSendsTheSpecFieldsAndHeaders()
    {
        using var t = new WireMockTarget();
        Answer(t, "initiateAuthentication", new { header = new { functionExecutionStatus = new { status = "Failed", statusCodeData = new { subjectCode = "8.8.1", reasonCode = "3.8" } } } });
        var client = new Es9PlusJsonClient(new RspJsonClient(t.Transport, new RspJsonClientOptions { AdminProtocol = "gsma/rsp/v2.5.0" }));
        await client.InitiateAuthenticationAsync(InitiateRequest);

        var sent = t.Server.LogEntries.Single().RequestMessage!;
        Assert.That(sent.Method, Is.EqualTo("POST"));
        Assert.That(sent.Path, Is.EqualTo("/gsma/rsp2/es9plus/initiateAuthentication"));
        Assert.That(sent.Headers!["X-Admin-Protocol"].Single(), Is.EqualTo("gsma/rsp/v2.5.0"));
        Assert.That(sent.Headers!["User-Agent"].Single(), Is.EqualTo("gsma-rsp-lpad"));
        Assert.That(sent.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        using JsonDocument body = JsonDocument.Parse(sent.Body!);
        Assert.That(body.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "euiccChallenge", "euiccInfo1", "smdpAddress" }));
        Assert.That(Convert.FromBase64String(body.RootElement.GetProperty("euiccChallenge").GetString()!), Is.EqualTo(EuiccChallenge));
        Assert.That(Convert.FromBase64String(body.RootElement.GetProperty("euiccInfo1").GetString()!), Is.EqualTo(EuiccInfo1));
        Assert.That(body.RootElement.GetProperty("smdpAddress").GetString(), Is.EqualTo("testsmdpplus1.example.com"));
    }

    [Test]
    public async Task InitiateAuthenticationOkIsDecodedIntoTheRecords()
    {
        using var t = new WireMockTarget();
        byte[] signed1 = new ServerSigned1(TransactionId, EuiccChallenge, "testsmdpplus1.example.com", ServerChallenge).Encode();
        byte[] cert = TestTlsPki.Server.Value.RawData;
        Answer(t, "initiateAuthentication", new
        {
            header = Success,
            transactionId = Convert.ToHexString(TransactionId),
            serverSigned1 = Convert.ToBase64String(signed1),
            serverSignature1 = Convert.ToBase64String([0x5F, 0x37, 0x40, .. Signature]),
            euiccCiPKIdToBeUsed = Convert.ToBase64String([0x04, 0x14, .. PkId]),
            serverCertificate = Convert.ToBase64String(cert),
        });
        Es9Result<InitiateAuthenticationOkEs9> r = await new Es9PlusJsonClient(t.Json).InitiateAuthenticationAsync(InitiateRequest);

        InitiateAuthenticationOkEs9 ok = r.Ok();
        Assert.That(ok.TransactionId, Is.EqualTo(TransactionId));
        Assert.That(ok.ServerSigned1.ServerChallenge, Is.EqualTo(ServerChallenge));
        Assert.That(ok.ServerSigned1.EuiccChallenge, Is.EqualTo(EuiccChallenge));
        Assert.That(ok.ServerSigned1.SignedData.ToArray(), Is.EqualTo(signed1), "the signed bytes are kept as received");
        Assert.That(ok.ServerSignature1, Is.EqualTo(Signature));
        Assert.That(ok.EuiccCiPKIdToBeUsed, Is.EqualTo(PkId));
        Assert.That(ok.ServerCertificate, Is.EqualTo(cert));
        Assert.That(r.Status.Status, Is.EqualTo(FunctionExecutionStatusValues.ExecutedSuccess));
    }

    [Test]
    public async Task AFailedFunctionIsAResultComparableToTheStatusCodeTable()
    {
        using var t = new WireMockTarget();
        Answer(t, "initiateAuthentication", new { header = new { functionExecutionStatus = new { status = "Failed", statusCodeData = new { subjectCode = "8.8.1", reasonCode = "3.8", message = "Invalid SM-DP+ Address" } } } });
        Es9Result<InitiateAuthenticationOkEs9> r = await new Es9PlusJsonClient(t.Json).InitiateAuthenticationAsync(InitiateRequest);
        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.FailedWith(FunctionStatusCodes.InvalidSmdpAddress), Is.True);
        Assert.That(r.Status.Known, Is.SameAs(FunctionStatusCodes.InvalidSmdpAddress));
        var e = Assert.Throws<Es9FunctionFailedException>(() => r.Ok())!;
        Assert.That(e.Message, Is.EqualTo("ES9+ InitiateAuthentication answered Failed 8.8.1 / 3.8 (Invalid SM-DP+ Address)."));
    }

    [TestCase("serverSigned1", "MAAA", "is not a valid ServerSigned1")]
    [TestCase("serverSigned1", "MA A=", "is not base64")]
    [TestCase("serverSignature1", "BAA=", "is not a valid [APPLICATION 55] OCTET STRING")]
    [TestCase("transactionId", "XYZ", "is not 1 to 16 bytes in hexadecimal")]
    public async Task AnUndecodableFieldIsAnInvalidFieldNamingIt(string field, string value, string expected)
    {
        using var t = new WireMockTarget();
        var body = new Dictionary<string, object>
        {
            ["header"] = Success,
            ["transactionId"] = Convert.ToHexString(TransactionId),
            ["serverSigned1"] = Convert.ToBase64String(new ServerSigned1(TransactionId, EuiccChallenge, "a", ServerChallenge).Encode()),
            ["serverSignature1"] = Convert.ToBase64String([0x5F, 0x37, 0x40, .. Signature]),
            ["euiccCiPKIdToBeUsed"] = Convert.ToBase64String([0x04, 0x14, .. PkId]),
            ["serverCertificate"] = Convert.ToBase64String(TestTlsPki.Server.Value.RawData),
        };
        body[field] = value;
        Answer(t, "initiateAuthentication", body);
        var e = Assert.ThrowsAsync<RspTransportException>(() => new Es9PlusJsonClient(t.Json).InitiateAuthenticationAsync(InitiateRequest))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidField));
        Assert.That(e.Name, Is.EqualTo(field));
        Assert.That(e.Message, Does.Contain($"field {field} ").And.Contain(expected));
        Assert.That(e.Body, Is.Not.Empty);
        await Task.CompletedTask;
    }

    [Test]
    public async Task AMissingFieldOfASuccessIsAnInvalidField()
    {
        using var t = new WireMockTarget();
        Answer(t, "getBoundProfilePackage", new { header = Success, transactionId = "01" });
        var e = Assert.ThrowsAsync<RspTransportException>(() =>
            new Es9PlusJsonClient(t.Json).GetBoundProfilePackageAsync(new Es9GetBoundProfilePackageRequest([1], [0xBF, 0x21, 0x00])))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidField));
        Assert.That(e.Message, Does.Contain("field boundProfilePackage ").And.Contain("is missing"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task HandleNotificationAcceptsOnly204WithoutBody()
    {
        using var t = new WireMockTarget();
        t.Server.Given(Request.Create().WithPath("/gsma/rsp2/es9plus/handleNotification").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(204).WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0"));
        var client = new Es9PlusJsonClient(t.Json);
        Es9Result<Es9NoContent> r = await client.HandleNotificationAsync(new Es9HandleNotificationRequest([0xBF, 0x37, 0x00]));
        Assert.That(r.IsSuccess, Is.True);
        using JsonDocument sent = JsonDocument.Parse(t.Server.LogEntries.Single().RequestMessage!.Body!);
        Assert.That(sent.RootElement.GetProperty("pendingNotification").GetString(), Is.EqualTo("vzcA"));

        t.Server.Reset();
        Answer(t, "handleNotification", new { header = Success });
        var e = Assert.ThrowsAsync<RspTransportException>(() => client.HandleNotificationAsync(new Es9HandleNotificationRequest([0xBF, 0x37, 0x00])))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.HttpStatus));
        Assert.That(e.Message, Does.Contain("HTTP 200 where the binding prescribes 204"));
    }

    [Test]
    public async Task CancelSessionSendsTransactionIdInHex()
    {
        using var t = new WireMockTarget();
        Answer(t, "cancelSession", new { header = Success });
        Es9Result<Es9NoContent> r = await new Es9PlusJsonClient(t.Json).CancelSessionAsync(new Es9CancelSessionRequest(TransactionId, [0xBF, 0x41, 0x03, 0x81, 0x01, 0x05]));
        Assert.That(r.IsSuccess, Is.True);
        using JsonDocument sent = JsonDocument.Parse(t.Server.LogEntries.Single().RequestMessage!.Body!);
        Assert.That(sent.RootElement.GetProperty("transactionId").GetString(), Is.EqualTo("0123456789ABCDEF0123456789ABCDEF"));
        Assert.That(sent.RootElement.GetProperty("cancelSessionResponse").GetString(), Is.EqualTo(Convert.ToBase64String([0xBF, 0x41, 0x03, 0x81, 0x01, 0x05])));
    }
}
