using System.Globalization;
using Conformance.Adapters.Es11;
using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// A download started by an SM-DS event, end to end (SGP.22 v2.5 §3.6, §3.1.3): the operator names the run's SM-DS, the
/// LPA asks the eUICC's root SM-DS for events (ES10a, ES11), downloads what the event names (ES9+), and the event goes.
/// </summary>
[Binding]
public sealed class SmdsE2eSteps(HarnessRun run, Es9Driver es9, SmdsDriver smds, OrderDriver orders, OrderSession session, E2eDriver e2e, SmdpEventDriver events)
{
    private IReadOnlyList<Es11EventEntry> _events = [];

    [Given(@"^a profile released for the eUICC through an event at the run's SM-DS$")]
    public async Task Released()
    {
        if (!run.Config.IsReference && run.Config.IsSmdsReference)
        {
            Assert.Ignore($"Not applicable to this target: the SM-DP+ at {run.Config.SmdpUrl} cannot reach the bundled SM-DS in the test host; give --smds the URL of an SM-DS it reaches.");
        }

        if (run.OrderSource is not null)
        {
            Assert.Ignore($"Not applicable to this target: the order must name the run's SM-DS ({run.Config.SmdsAddress}) in ConfirmOrder, which the harness does as the operator on ES2+, not with orders from {run.OrderSource.Name}.");
        }

        // The eUICC's root SM-DS is the run's SM-DS (personalisation of the emulated eUICC, SGP.22 §5.7.3).
        es9.EuiccOptions = es9.EuiccOptions with { RootSmdsAddress = run.Config.SmdsAddress };
        await orders.OrderProfileAsync(Identifiers.Eid1);
        await orders.RequireSuccessAsync(orders.ConfirmOrderAsync(new ConfirmOrderRequest(session.RequireIccid(), ReleaseFlag: true, Identifiers.Eid1,
            MatchingId: Identifiers.NewMatchingId(), SmdsAddress: run.Config.SmdsAddress)), "ConfirmOrder naming the run's SM-DS");
        events.OrderNamesSmds = true;
        // Left at the SM-DS if the scenario stops early: the clean-up deletes it.
        smds.Registered.Add(new RegisteredEvent(Identifiers.Eid1, run.Config.SmdpAddress, session.MatchingId!));
    }

    [When(@"^the LPA retrieves the eUICC's events from the root SM-DS the eUICC holds$")]
    public async Task Retrieve()
    {
        var es10 = (await es9.EuiccAsync()).Es10;
        string root = (await es9.Es10Async("GetEuiccConfiguredAddresses", () => es10.GetEuiccConfiguredAddressesAsync())).Value.RootDsAddress;
        Assert.That(root, Is.EqualTo(run.Config.SmdsAddress).IgnoreCase, "precondition: the eUICC's root SM-DS address is the run's SM-DS");
        // The SM-DP+ registers the event while it handles ConfirmOrder; a later registration is waited for up to the timeout.
        _events = await UntilAsync(e => e.Count > 0);
    }

    [Then(@"^the SM-DS hands the eUICC one event, naming the SM-DP\+ and the order's MatchingID$")]
    public void OneEvent() =>
        Assert.That(_events.Select(e => (e.EventId, e.RspServerAddress.ToLowerInvariant())),
            Is.EqualTo(new[] { (session.MatchingId!, run.Config.SmdpAddress.ToLowerInvariant()) }),
            $"SGP.22 §3.6.1, §5.9.1, §5.8.2: the SM-DS must hand the eUICC the event the SM-DP+ registered (EventID {session.MatchingId} at {run.Config.SmdpAddress}); got [{string.Join("; ", _events)}]");

    [When(@"^the LPA downloads from the SM-DP\+ the event names$")]
    public async Task Download()
    {
        Es11EventEntry e = _events.Single();
        // SGP.22 §3.6.2: the LPA contacts the rspServerAddress of the event with the EventID as MatchingID.
        await es9.StartDownloadAsync(e.EventId);
        await e2e.DownloadAsync();
    }

    [Then(@"^the SM-DS no longer hands the eUICC that event$")]
    public async Task Gone()
    {
        IReadOnlyList<Es11EventEntry> left = await UntilAsync(e => e.All(x => x.EventId != session.MatchingId));
        Assert.That(left.Select(x => x.EventId), Does.Not.Contain(session.MatchingId), string.Create(CultureInfo.InvariantCulture,
            $"SGP.22 §3.6.1, §5.9.2: once the profile is downloaded the SM-DP+ SHALL delete its event at the SM-DS; the SM-DS still hands EventID {session.MatchingId} after {run.Config.Timeout.TotalSeconds:0.#} s"));
        smds.Registered.Clear();
    }

    /// <summary>Retrieves the eUICC's events until <paramref name="done"/> holds or the run's timeout passes; the last answer.</summary>
    private async Task<IReadOnlyList<Es11EventEntry>> UntilAsync(Func<IReadOnlyList<Es11EventEntry>, bool> done)
    {
        DateTimeOffset end = DateTimeOffset.UtcNow + run.Config.Timeout;
        IReadOnlyList<Es11EventEntry> events = await smds.RetrieveEventsAsync();
        while (!done(events) && DateTimeOffset.UtcNow < end)
        {
            await Task.Delay(250);
            events = await smds.RetrieveEventsAsync();
        }

        return events;
    }
}
