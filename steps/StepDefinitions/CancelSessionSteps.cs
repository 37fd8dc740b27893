using System.Security.Cryptography;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// ES9+.CancelSession (SGP.22 v2.5 §5.6.5): the eUICC cancels the RSP session (ES10b.CancelSession, §5.7.14) and the
/// LPA forwards its signed CancelSessionResponse, as it is or altered where only the SM-DP+ can tell.
/// </summary>
[Binding]
public sealed class CancelSessionSteps(Es9Driver es9)
{
    /// <summary>An OID of the ITU-T example arc: no SM-DP+'s.</summary>
    public const string OtherSmdpOid = "2.999.77";

    [When(@"^the LPA cancels the session with reason (\w+)$")]
    public async Task Cancel(CancelSessionReason reason) => await SendAsync(await CancelOnEuiccAsync(reason));

    [When(@"^the LPA cancels the session with an unknown transactionId in the request$")]
    public async Task UnknownTransactionId()
    {
        byte[] response = await CancelOnEuiccAsync(CancelSessionReason.endUserRejection);
        await SendAsync(response, RandomNumberGenerator.GetBytes(16));
    }

    [When(@"^the LPA cancels the session with a corrupted euiccCancelSessionSignature$")]
    public async Task CorruptedSignature()
    {
        CancelSessionResponseOk ok = CancelSessionResponse.Decode(await CancelOnEuiccAsync(CancelSessionReason.endUserRejection)).CancelSessionResponseOk
            ?? throw new AssertionException("precondition 'ES10b CancelSession' not met: the eUICC answered an error");
        byte[] signature = ok.EuiccCancelSessionSignature.ToArray();
        signature[^1] ^= 0x01;
        await SendAsync(CancelSessionResponse.Ok(ok with { EuiccCancelSessionSignature = signature }).Encode());
    }

    [When(@"^the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for another SM-DP\+ OID$")]
    public async Task OtherOid()
    {
        await CancelOnEuiccAsync(CancelSessionReason.endUserRejection);
        DownloadEuicc euicc = await es9.EuiccAsync();
        var signed = new EuiccCancelSessionSigned(es9.Session.TransactionId!, OtherSmdpOid, CancelSessionReason.endUserRejection);
        await SendAsync(new BppEuiccSigner(euicc.Pki.Euicc.RequirePrivateKey()).CancelSessionResponse(signed));
    }

    /// <summary>The request's transactionId is the session's; the one the eUICC signs is another (SGP.22 v2.5 §5.6.5).</summary>
    [When(@"^the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for an unknown transactionId$")]
    public async Task UnknownSignedTransactionId()
    {
        EuiccCancelSessionSigned genuine = (CancelSessionResponse.Decode(await CancelOnEuiccAsync(CancelSessionReason.endUserRejection)).CancelSessionResponseOk
            ?? throw new AssertionException("precondition 'ES10b CancelSession' not met: the eUICC answered an error")).EuiccCancelSessionSigned;
        DownloadEuicc euicc = await es9.EuiccAsync();
        var signed = new EuiccCancelSessionSigned(Es9RequestAlterations.OtherTransactionId(genuine.TransactionId), genuine.SmdpOid, genuine.Reason);
        await SendAsync(new BppEuiccSigner(euicc.Pki.Euicc.RequirePrivateKey()).CancelSessionResponse(signed));
    }

    [Then(@"^a new GetBoundProfilePackage for the cancelled session is refused with (\d+(?:\.\d+)* / \d+(?:\.\d+)*)$")]
    public async Task SessionGone(StatusCode code)
    {
        Es9Result<Rsp.Asn1.Messages.GetBoundProfilePackageOk> r = await es9.Smdp.GetBoundProfilePackageAsync(es9.Download.BuildGetBoundProfilePackageRequest());
        Assert.That(r.FailedWith(code), Is.True, $"SGP.22 §5.6.5: after CancelSession the RSP session is ended; GetBoundProfilePackage answered {r}");
    }

    private async Task<byte[]> CancelOnEuiccAsync(CancelSessionReason reason)
    {
        Es10Client es10 = (await es9.EuiccAsync()).Es10;
        var r = await es9.Es10Async("CancelSession", () => es10.CancelSessionAsync(es9.Session.TransactionId!, reason));
        return r.Raw;
    }

    private Task SendAsync(byte[] cancelSessionResponse, byte[]? transactionId = null) =>
        es9.CallAsync("CancelSession", _ => es9.Smdp.CancelSessionAsync(new Es9CancelSessionRequest(transactionId ?? es9.Session.TransactionId!, cancelSessionResponse)));
}
