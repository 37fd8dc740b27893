using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Given steps of the ES9+ scenarios: the order the download is about (prepared on ES2+), the download
/// started by the harness-as-LPA, and the emulated eUICC's state (SGP.22 v2.5 §3.1.1, §3.1.3).
/// </summary>
[Binding]
public sealed class Es9SetupSteps(Es9Driver es9, DownloadOrderDriver orders)
{
    [Given(@"^the LPA has an activation code of the SM-DP\+$")]
    public Task ActivationCode() => es9.StartDownloadAsync(Identifiers.NewMatchingId());

    [Given(@"^a profile (released for the eUICC with a MatchingID|released for the eUICC with a MatchingID and a confirmation code|released for the eUICC for its default SM-DP\+|released for the eUICC through an SM-DS event with a MatchingID|released for the eUICC through an SM-DS event without a MatchingID|confirmed for the eUICC without being released|released for another eUICC with a MatchingID)$")]
    public async Task Profile(string how)
    {
        DownloadOrderStyle style = how switch
        {
            "released for the eUICC with a MatchingID" => DownloadOrderStyle.ActivationCode,
            "released for the eUICC with a MatchingID and a confirmation code" => DownloadOrderStyle.ActivationCodeWithConfirmationCode,
            "released for the eUICC for its default SM-DP+" => DownloadOrderStyle.DefaultSmdp,
            "released for the eUICC through an SM-DS event with a MatchingID" => DownloadOrderStyle.SmdsEventWithMatchingId,
            "released for the eUICC through an SM-DS event without a MatchingID" => DownloadOrderStyle.SmdsEventWithoutMatchingId,
            "confirmed for the eUICC without being released" => DownloadOrderStyle.NotReleased,
            _ => DownloadOrderStyle.ForAnotherEid,
        };
        await orders.PrepareAsync(style);
        await es9.StartDownloadAsync(orders.MatchingId, orders.ConfirmationCode);
    }

    [Given(@"^the download has gone through (InitiateAuthentication|AuthenticateServer|AuthenticateClient|PrepareDownload)$")]
    public Task GoneThrough(DownloadStep step) => es9.RunUntilAsync(step);
}

/// <summary>End of an ES9+ scenario: orders found by EID are cancelled so that later downloads cannot take them.</summary>
[Binding]
public sealed class Es9Hooks(DownloadOrderDriver orders)
{
    [AfterScenario("es9plus", Order = HookOrder.Verdict - 1)]
    public Task CleanUp() => orders.CleanUpAsync();
}
