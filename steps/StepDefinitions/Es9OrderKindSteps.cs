using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Given steps for the kinds of order SGP.23's AuthenticateClient sequences add to the plain ones of
/// <see cref="Es9SetupSteps"/> (SGP.22 v2.5 §3.1.1, §3.1.3): the default SM-DP+ address and SM-DS event cases with a
/// confirmation code, activation codes not associated to an EID or linked to the eUICC's, and another eUICC's default
/// SM-DP+ or SM-DS event order. What a remote SM-DP+'s order source cannot offer skips the scenario (<see cref="DownloadOrderDriver.PrepareAsync"/>).
/// </summary>
[Binding]
public sealed class Es9OrderKindSteps(Es9Driver es9, DownloadOrderDriver orders, HarnessRun run)
{
    [Given(@"^a profile (released for the eUICC for its default SM-DP\+ with a confirmation code|released for the eUICC through an SM-DS event with a MatchingID and a confirmation code|released with a MatchingID and no EID|released with a MatchingID, a confirmation code and no EID|released for another eUICC for its default SM-DP\+|released for another eUICC through an SM-DS event with a MatchingID|released for the eUICC with a MatchingID, linked to its EID)$")]
    public async Task Profile(string how)
    {
        DownloadOrderStyle style = DownloadOrderDriver.StyleOf("a profile " + how)!.Value;
        if (run.OrderSource is { } source && (DownloadOrderDriver.StartsFromDefaultSmdpAddress(style) || style == DownloadOrderStyle.ActivationCodeLinkedToEid))
        {
            // Without a MatchingID the SM-DP+ takes any pending order of the EID (SGP.22 v2.5 §3.1.3.1); #17/#18 withhold theirs.
            // Orders from a file or a command are not cancelled after their scenario (only their session is), so earlier ones
            // (one with a confirmation code, say) may still be pending and be the one taken.
            Assert.Ignore($"Not applicable to this target: the scenario needs the eUICC's EID to have no pending order but its own on the SM-DP+, " +
                $"which orders from {source.Name} cannot ensure (the harness cancels only orders it made on ES2+); it runs with --orders es2plus.");
        }
        await orders.PrepareAsync(style);
        await Es9SetupSteps.StartAsync(es9, orders, style);
    }

    /// <summary>
    /// SGP.23 4.3.14.2.1 #03: a first session carries a MatchingID no order has and AuthenticateClient refuses it; the
    /// order itself is untouched (SGP.22 v2.5 §5.6.2: 8.2.6 / 3.8 ends that session only).
    /// </summary>
    [Given(@"^a first download attempt failed at AuthenticateClient with a MatchingID unknown to the SM-DP\+$")]
    public async Task FirstAttemptWithUnknownMatchingId()
    {
        es9.Session.MatchingId = Identifiers.NewMatchingId();
        await es9.RunUntilAsync(DownloadStep.AuthenticateServer);
        FunctionOutcome first = await es9.AuthenticateClientAsync();
        Assert.That(first.Status, Is.Not.EqualTo(Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess),
            $"precondition not met: the first attempt, with a MatchingID no order has, must fail: {first}");
    }

    /// <summary>The LPA sends a MatchingID no order has, instead of the one of the order (an EventID or activation code token).</summary>
    [Given(@"^the LPA puts a MatchingID unknown to the SM-DP\+ into ctxParams1$")]
    public void UnknownMatchingId() => es9.Session.MatchingId = Identifiers.NewMatchingId();
}
