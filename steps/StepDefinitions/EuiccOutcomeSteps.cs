using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>Then steps on the eUICC's last answer, written with the spec's result names ("profileNotInDisabledState").</summary>
[Binding]
public sealed class EuiccOutcomeSteps(EuiccDriver euicc)
{
    [Then(@"^the eUICC answers (\w+)$")]
    public void Answers(string expected)
    {
        CardOutcome last = euicc.Last ?? throw new InvalidOperationException("no eUICC function was called before this step");
        Assert.That(last.Name, Is.EqualTo(expected), last.Mismatch(expected));
    }
}
