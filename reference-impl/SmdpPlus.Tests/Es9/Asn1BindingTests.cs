using System.Net;
using System.Net.Http.Headers;
using Conformance.Rsp.Asn1.Messages;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>The ES9+ ASN.1 binding (SGP.22 v2.5 §6.6) carries the same functions as the JSON binding.</summary>
public class Asn1BindingTests
{
    private static async Task<(HttpStatusCode Status, RemoteProfileProvisioningResponse? Response)> PostAsync(HttpClient http, RemoteProfileProvisioningRequest request)
    {
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-gsma-rsp-asn1");
        using var message = new HttpRequestMessage(HttpMethod.Post, "gsma/rsp2/asn1") { Content = content };
        message.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.2.0");
        using HttpResponseMessage response = await http.SendAsync(message);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        if (body.Length > 0)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-gsma-rsp-asn1"));
        }
        return (response.StatusCode, body.Length == 0 ? null : RemoteProfileProvisioningResponse.Decode(body));
    }

    [Test]
    public async Task WholeDownloadRoundTripsThroughTheAsn1Binding()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        string iccid = await c.ReleasedOrderAsync(1);
        TestDoubleEuicc e = c.Euicc;

        var ia = (await PostAsync(c.Http, new() { InitiateAuthenticationRequest = new(e.GetEuiccChallenge(), c.Address, EUICCInfo1.Decode(e.GetEuiccInfo1())) })).Response!
            .InitiateAuthenticationResponse!.InitiateAuthenticationOk!;
        var asr = AuthenticateServerResponse.Decode(e.AuthenticateServer(new AuthenticateServerRequest(ia.ServerSigned1, ia.ServerSignature1, ia.EuiccCiPKIdToBeUsed,
            ia.ServerCertificate, CtxParams1.Common(new CtxParamsForCommonAuthentication("MATCH-00001", DownloadLpa.Device))).Encode()));
        var ac = (await PostAsync(c.Http, new() { AuthenticateClientRequest = new(ia.TransactionId, asr) })).Response!.AuthenticateClientResponseEs9!.AuthenticateClientOk!;
        Assert.That(StoreMetadataRequest.Decode(ac.ProfileMetaData.Encoded).Iccid.ToString(), Is.EqualTo(iccid));
        var pdr = PrepareDownloadResponse.Decode(e.PrepareDownload(new PrepareDownloadRequest(ac.SmdpSigned2, ac.SmdpSignature2, null, ac.SmdpCertificate).Encode()));
        var gb = (await PostAsync(c.Http, new() { GetBoundProfilePackageRequest = new(ia.TransactionId, pdr) })).Response!.GetBoundProfilePackageResponse!.GetBoundProfilePackageOk!;
        byte[] pir = e.LoadBoundProfilePackage(gb.BoundProfilePackage.Encoded.ToArray());
        Assert.That(e.LastInstall?.Iccid, Is.EqualTo(iccid), e.LastRefusal);
        (HttpStatusCode status, RemoteProfileProvisioningResponse? none) = await PostAsync(c.Http, new() { HandleNotification = new(RawDer.Parse(pir)) });
        Assert.That((status, none), Is.EqualTo((HttpStatusCode.NoContent, (RemoteProfileProvisioningResponse?)null)));
        Assert.That((await c.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(Store.SmdpProfileState.Installed));
    }

    [Test]
    public async Task FailuresBecomeTheErrorIntegerOfTheFunction()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        var ia = (await PostAsync(c.Http, new() { InitiateAuthenticationRequest = new(new byte[16], "elsewhere.example.com", EUICCInfo1.Decode(c.Euicc.GetEuiccInfo1())) })).Response!;
        Assert.That(ia.InitiateAuthenticationResponse!.InitiateAuthenticationError, Is.EqualTo(Rsp.StatusCodes.InitiateAuthenticationError.invalidDpAddress));
        var cs = (await PostAsync(c.Http, new()
        {
            CancelSessionRequestEs9 = new([1, 2, 3], CancelSessionResponse.Ok(new CancelSessionResponseOk(
                new EuiccCancelSessionSigned([1, 2, 3], "2.999.10", Rsp.StatusCodes.CancelSessionReason.timeout), new byte[64]))),
        })).Response!;
        Assert.That(cs.CancelSessionResponseEs9!.CancelSessionError, Is.EqualTo(Rsp.StatusCodes.CancelSessionEs9Error.invalidTransactionId));
    }

    [Test]
    public async Task ABodyThatIsNotARequestIsRefusedWith400()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        using var content = new ByteArrayContent([0xA2, 0x03, 0x01, 0x01, 0x00]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-gsma-rsp-asn1");
        using HttpResponseMessage r = await c.Http.PostAsync("gsma/rsp2/asn1", content);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
