using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>The eUICC under test authenticating an SM-DS (SGP.22 v2.5 §5.7.13 with §3.6.2): the harness plays the LPA and the SM-DS.</summary>
[Binding]
public sealed class EuiccSmdsSteps(CardSmdsDriver smds, HarnessRun run)
{
    [When(@"^the LPA authenticates the SM-DS to the eUICC$")]
    public Task Authenticate() => EuiccDriver.Checked(smds.AuthenticateAsync);

    [Then(@"^euiccSigned1 echoes the SM-DS's transactionId, address and serverChallenge, with ctxParams1 for event retrieval$")]
    public void Echoes()
    {
        EuiccSigned1 signed = smds.Ok.EuiccSigned1;
        ServerSigned1 server = smds.ServerSigned1!;
        Assert.That(signed.TransactionId, Is.EqualTo(server.TransactionId), "SGP.22 §5.7.13: euiccSigned1.transactionId is serverSigned1's");
        Assert.That(signed.ServerAddress, Is.EqualTo(server.ServerAddress), "SGP.22 §5.7.13: euiccSigned1.serverAddress is the SM-DS address of serverSigned1");
        Assert.That(signed.ServerChallenge, Is.EqualTo(server.ServerChallenge), "SGP.22 §5.7.13: euiccSigned1.serverChallenge is serverSigned1's");
        CtxParamsForCommonAuthentication? ctx = signed.CtxParams1.CtxParamsForCommonAuthentication;
        Assert.That(ctx, Is.Not.Null, "SGP.22 §5.7.13: euiccSigned1 carries the ctxParams1 the LPA gave (ctxParamsForCommonAuthentication)");
        Assert.That(ctx!.MatchingId, Is.Null, "SGP.22 §3.6.2, §5.7.13: ctxParams1 for event retrieval carries no MatchingID, and euiccSigned1 must carry it as given");
    }

    [Then(@"^euiccSignature1 of the SM-DS session verifies with CERT\.EUICC\.ECDSA, which chains to the EUM and the CI$")]
    public void Signature1()
    {
        AuthenticateResponseOk ok = smds.Ok;
        CertificateValidationResult chain = run.Pki.Validator().ValidateEuiccChain(ok.EuiccCertificate, ok.EumCertificate, DateTimeOffset.UtcNow);
        Assert.That(chain.IsValid, Is.True, $"SGP.22 §5.7.13, §4.5.2: CERT.EUICC.ECDSA and CERT.EUM.ECDSA chain to a CI of the run: {chain.Message}");
        Assert.That(BouncyCastleEcdsa.Instance.Verify(RspCertificate.Parse(ok.EuiccCertificate).PublicKey!, ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1), Is.True,
            "SGP.22 §5.7.13: euiccSignature1 over euiccSigned1 SHALL be computed with SK.EUICC.ECDSA; it does not verify with the key of CERT.EUICC.ECDSA");
    }
}
