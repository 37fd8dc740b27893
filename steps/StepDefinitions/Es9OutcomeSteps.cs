using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>Then steps on the content of ES9+ answers, checked from SGP.22 v2.5 §5.6 (<see cref="Es9AnswerChecks"/>).</summary>
[Binding]
public sealed class Es9OutcomeSteps(Es9Driver es9, DownloadOrderDriver orders, ActionAttempt attempt)
{
    [Then(@"^serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP\+ address$")]
    public void ServerSigned1() =>
        Es9AnswerChecks.ServerSigned1Matches(InitiateAuthentication(), es9.LastInitiateAuthenticationRequest!.EuiccChallenge, es9.SmdpAddress);

    [Then(@"^serverSignature1 verifies with a CERT\.DPauth\.ECDSA of a CI the eUICC trusts$")]
    public async Task ServerSignature1() =>
        Es9AnswerChecks.ServerSignature1Verifies(InitiateAuthentication(), SentEuiccInfo1(), [(await es9.EuiccAsync()).Pki.Ci.Certificate]);

    [Then(@"^euiccCiPKIdToBeUsed is one the eUICC offered for signing$")]
    public void CiPkIdToBeUsed() => Es9AnswerChecks.CiPkIdToBeUsedWasOffered(InitiateAuthentication(), SentEuiccInfo1());

    [Then(@"^smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT\.DPpb\.ECDSA of a CI the eUICC trusts$")]
    public async Task SmdpSigned2() =>
        Es9AnswerChecks.SmdpSigned2Verifies(AuthenticateClient(), es9.Session, [(await es9.EuiccAsync()).Pki.Ci.Certificate],
            es9.LastAuthenticateClientRequest is { } sent ? AuthenticateServerResponse.Decode(sent.AuthenticateServerResponse).AuthenticateResponseOk?.EuiccSignature1 : null);

    [Then(@"^smdpSigned2 says a confirmation code is (required|not required)$")]
    public void ConfirmationCode(string required) => Es9AnswerChecks.ConfirmationCodeRequired(AuthenticateClient(), required == "required");

    [Then(@"^profileMetadata describes the ordered profile$")]
    public void ProfileMetadata()
    {
        _ = AuthenticateClient();
        Es9AnswerChecks.ProfileMetadataNames(es9.Session.ProfileMetadata, orders.Iccid);
    }

    [Then(@"^the two answers carry different transactionIds and different serverChallenges$")]
    public void FreshValues()
    {
        if (es9.InitiateAuthentications.Count < 2)
        {
            Assert.Fail($"SGP.22 §5.6.1: both InitiateAuthentication calls must succeed to compare their sessions, but only {es9.InitiateAuthentications.Count} did; the last: {attempt.Last}");
        }
        Es9AnswerChecks.FreshSessionValues(es9.InitiateAuthentications);
    }

    private AuthenticateClientOk AuthenticateClient()
    {
        Es9Result<AuthenticateClientOk> r = es9.LastAuthenticateClient
            ?? throw new InvalidOperationException("no AuthenticateClient was called before this Then step");
        return r.Value ?? throw new AssertionException($"expected a successful AuthenticateClient answer to look at, but {r}");
    }

    private InitiateAuthenticationOkEs9 InitiateAuthentication()
    {
        Es9Result<InitiateAuthenticationOkEs9> r = es9.LastInitiateAuthentication
            ?? throw new InvalidOperationException("no InitiateAuthentication was called before this Then step");
        return r.Value ?? throw new AssertionException($"expected a successful InitiateAuthentication answer to look at, but {r}");
    }

    private EUICCInfo1 SentEuiccInfo1() => EUICCInfo1.Decode(es9.LastInitiateAuthenticationRequest!.EuiccInfo1);
}
