using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>When steps: the harness-as-LPA calls the ES9+ functions of the SM-DP+ (SGP.22 v2.5 §5.6).</summary>
[Binding]
public sealed class Es9Steps(Es9Driver es9)
{
    [When(@"^the LPA calls InitiateAuthentication$")]
    public Task InitiateAuthentication() => es9.InitiateAuthenticationAsync();

    [When(@"^the LPA calls AuthenticateClient$")]
    public Task AuthenticateClient() => es9.AuthenticateClientAsync();
}
