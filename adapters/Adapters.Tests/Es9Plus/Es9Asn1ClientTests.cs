using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Tests.Http;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Es9Plus;

/// <summary>ES9+ over the ASN.1 binding (SGP.22 §6.6): the posted body decodes as the spec's request, answers decode strictly.</summary>
public class Es9Asn1ClientTests
{
    private static readonly byte[] EuiccInfo1 = Convert.FromHexString("BF2009" + "8203020200" + "A900" + "AA00");

    private static void Answer(WireMockTarget t, byte[] der, string contentType = "application/x-gsma-rsp-asn1") =>
        t.Server.Given(Request.Create().WithPath("/gsma/rsp2/asn1").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(der));

    [Test]
    public async Task InitiateAuthenticationPostsARemoteProfileProvisioningRequestAndMapsTheErrorAlternative()
    {
        using var t = new WireMockTarget();
        Answer(t, new RemoteProfileProvisioningResponse
        {
            InitiateAuthenticationResponse = InitiateAuthenticationResponse.Error(InitiateAuthenticationError.invalidDpAddress),
        }.Encode());
        var client = new Es9PlusAsn1Client(t.Transport);
        byte[] challenge = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        Es9Result<InitiateAuthenticationOkEs9> r = await client.InitiateAuthenticationAsync(new Es9InitiateAuthenticationRequest(challenge, EuiccInfo1, "smdp.example.com"));

        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.AsnBindingError, Is.EqualTo(1));
        Assert.That(r.AsnBindingErrorName, Is.EqualTo("invalidDpAddress"));
        var sent = t.Server.LogEntries.Single().RequestMessage!;
        Assert.That(sent.Headers!["Content-Type"].Single(), Is.EqualTo("application/x-gsma-rsp-asn1"));
        RemoteProfileProvisioningRequest decoded = RemoteProfileProvisioningRequest.Decode(sent.BodyAsBytes!);
        Assert.That(decoded.InitiateAuthenticationRequest!.EuiccChallenge, Is.EqualTo(challenge));
        Assert.That(decoded.InitiateAuthenticationRequest.SmdpAddress, Is.EqualTo("smdp.example.com"));
        Assert.That(decoded.InitiateAuthenticationRequest.EuiccInfo1.Encode(), Is.EqualTo(EuiccInfo1));
    }

    [Test]
    public async Task CancelSessionRetagsTheEuiccResponseAsTheSpecSays()
    {
        using var t = new WireMockTarget();
        Answer(t, new RemoteProfileProvisioningResponse { CancelSessionResponseEs9 = CancelSessionResponseEs9.Ok() }.Encode());
        byte[] euiccAnswer = CancelSessionResponse.Error(CancelSessionError.invalidTransactionId).Encode();
        Es9Result<Es9NoContent> r = await new Es9PlusAsn1Client(t.Transport).CancelSessionAsync(new Es9CancelSessionRequest([0x42], euiccAnswer));

        Assert.That(r.IsSuccess, Is.True);
        CancelSessionRequestEs9 sent = RemoteProfileProvisioningRequest.Decode(t.Server.LogEntries.Single().RequestMessage!.BodyAsBytes!).CancelSessionRequestEs9!;
        Assert.That(sent.TransactionId, Is.EqualTo(new byte[] { 0x42 }));
        Assert.That(sent.CancelSessionResponse.CancelSessionResponseError, Is.EqualTo(CancelSessionError.invalidTransactionId));
    }

    [Test]
    public void AnotherAlternativeThanTheFunctionsIsAnInvalidField()
    {
        using var t = new WireMockTarget();
        Answer(t, new RemoteProfileProvisioningResponse { CancelSessionResponseEs9 = CancelSessionResponseEs9.Ok() }.Encode());
        var e = Assert.ThrowsAsync<RspTransportException>(() => new Es9PlusAsn1Client(t.Transport)
            .InitiateAuthenticationAsync(new Es9InitiateAuthenticationRequest(new byte[16], EuiccInfo1, "a")))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidField));
        Assert.That(e.Message, Does.Contain("initiateAuthenticationResponse"));
    }

    [Test]
    public void TrailingBytesAfterTheResponseAreRefused()
    {
        using var t = new WireMockTarget();
        byte[] der = new RemoteProfileProvisioningResponse
        {
            InitiateAuthenticationResponse = InitiateAuthenticationResponse.Error(InitiateAuthenticationError.ciPKIdNotSupported),
        }.Encode();
        Answer(t, [.. der, 0x00]);
        var e = Assert.ThrowsAsync<RspTransportException>(() => new Es9PlusAsn1Client(t.Transport)
            .InitiateAuthenticationAsync(new Es9InitiateAuthenticationRequest(new byte[16], EuiccInfo1, "a")))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.InvalidField));
        Assert.That(e.Message, Does.Contain("is not a valid RemoteProfileProvisioningResponse"));
    }

    [Test]
    public void JsonWhereAsn1IsExpectedIsTheWrongContentType()
    {
        using var t = new WireMockTarget();
        Answer(t, "{}"u8.ToArray(), "application/json");
        var e = Assert.ThrowsAsync<RspTransportException>(() => new Es9PlusAsn1Client(t.Transport)
            .InitiateAuthenticationAsync(new Es9InitiateAuthenticationRequest(new byte[16], EuiccInfo1, "a")))!;
        Assert.That(e.Kind, Is.EqualTo(RspTransportFailure.WrongContentType));
    }
}
