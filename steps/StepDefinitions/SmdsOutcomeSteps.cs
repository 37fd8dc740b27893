using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>Then steps on the SM-DS's answers: the function execution status (SGP.22 v2.5 §5.2.6) and ES11.InitiateAuthentication's content (§5.8.1).</summary>
[Binding]
public sealed class SmdsOutcomeSteps(ActionAttempt attempt, SmdsDriver smds, Es9Driver es9)
{
    [Then(@"^the SM-DS answers Executed-Success$")]
    public void AnswersSuccess() => attempt.ShouldSucceed();

    [Then(@"^the SM-DS answers Failed with (\d+(?:\.\d+)* / \d+(?:\.\d+)*)$")]
    public void AnswersFailed(StatusCode code) => attempt.ShouldFailWith(code);

    [Then(@"^the SM-DS refuses the call as unauthenticated$")]
    public void RefusesUnauthenticated() => attempt.ShouldBeRefusedAsUnauthenticated();

    [Then(@"^serverSigned1 carries the transactionId, the euiccChallenge and the SM-DS address$")]
    public void ServerSigned1() =>
        Es9AnswerChecks.ServerSigned1Matches(InitiateAuthentication(), smds.LastInitiateAuthenticationRequest!.EuiccChallenge, smds.Smds.Address,
            AuthenticatingServer.SmdsEs11);

    [Then(@"^serverSignature1 verifies with a CERT\.DSauth\.ECDSA of a CI the eUICC trusts$")]
    public async Task ServerSignature1() =>
        Es9AnswerChecks.ServerSignature1Verifies(InitiateAuthentication(), EUICCInfo1.Decode(smds.LastInitiateAuthenticationRequest!.EuiccInfo1),
            [(await es9.EuiccAsync()).Pki.Ci.Certificate], AuthenticatingServer.SmdsEs11);

    [Then(@"^the two SM-DS answers carry different transactionIds and different serverChallenges$")]
    public void Fresh() => Es9AnswerChecks.FreshSessionValues(smds.InitiateAuthentications, AuthenticatingServer.SmdsEs11);

    private InitiateAuthenticationOkEs9 InitiateAuthentication() => smds.LastInitiateAuthentication?.Value
        ?? throw new AssertionException($"ES11 InitiateAuthentication did not succeed: {attempt.Last}");
}
