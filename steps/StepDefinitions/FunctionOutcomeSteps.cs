using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Then steps on the function execution status of the last call (SGP.22 v2.5 §5.2.6, §6.5.1.4), for
/// every interface whose driver reports to <see cref="ActionAttempt"/>. Codes are written as the spec
/// writes them: "8.2.1 / 3.9".
/// </summary>
[Binding]
public sealed class FunctionOutcomeSteps(ActionAttempt attempt)
{
    [Then(@"^the SM-DP\+ answers Executed-Success$")]
    public void AnswersSuccess() => attempt.ShouldSucceed();

    [Then(@"^the SM-DP\+ answers Failed with (\d+(?:\.\d+)* / \d+(?:\.\d+)*)$")]
    public void AnswersFailed(StatusCode code) => attempt.ShouldFailWith(code);

    [Then(@"^the SM-DP\+ refuses the call as unauthenticated$")]
    public void RefusesUnauthenticated() => attempt.ShouldBeRefusedAsUnauthenticated();
}
