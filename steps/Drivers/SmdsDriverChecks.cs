using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>Preconditions of the SM-DS scenarios: a Given call that must have succeeded.</summary>
public static class SmdsDriverChecks
{
    /// <summary>A call the scenario depends on must succeed; otherwise the scenario stops naming it.</summary>
    public static void Require(FunctionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status != FunctionExecutionStatusValues.ExecutedSuccess)
        {
            Assert.Fail($"precondition '{outcome.Interface} {outcome.Function}' not met: {SpecRules.Expectation(outcome, "Executed-Success")}");
        }
    }
}
