using System.Globalization;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// The SM-DP+ under test calling the SM-DS the operator named (SGP.22 v2.5 §3.6.1; ES12 §5.9): the harness confirms orders
/// with its own SM-DS as smdsAddress and checks what the SM-DP+ sends there.
/// </summary>
[Binding]
public sealed class SmdpEventSteps(SmdpEventDriver events, Es9Driver es9, OrderDriver orders, HarnessRun run)
{
    /// <summary>How long the harness waits for a call that must not come (the SM-DP+ calls ES12 while it handles ConfirmOrder).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    [Given(@"^the operator has confirmed that order with the harness's SM-DS as smdsAddress$")]
    public async Task ConfirmedWithSmds() => await orders.RequireSuccessAsync(events.ConfirmAsync(RecordingSmds.Address), "ConfirmOrder with an smdsAddress");

    [When(@"^the operator confirms that order with the harness's SM-DS as smdsAddress$")]
    public Task ConfirmWithSmds() => events.ConfirmAsync(RecordingSmds.Address);

    [When(@"^the operator confirms that order without an smdsAddress$")]
    public Task ConfirmWithout() => events.ConfirmAsync(null);

    [When(@"^the operator cancels that order$")]
    public Task Cancel() => events.CancelAsync();

    [Given(@"^a profile released for the eUICC through an event at the harness's SM-DS$")]
    public async Task ReleasedThroughHarnessSmds()
    {
        await events.OrderAsync(RecordingSmds.Address);
        await es9.StartDownloadAsync(events.EventId);
        events.Mark();
    }

    [Then(@"^the SM-DP\+ calls RegisterEvent at that SM-DS with the eUICC's EID, the SM-DP\+ address and the order's MatchingID as EventID$")]
    public async Task Registered()
    {
        Es12Call call = await Required("registerEvent", "§5.3.2, §3.6.1: after ConfirmOrder with an smdsAddress the SM-DP+ SHALL register the event at that SM-DS (ES12.RegisterEvent)");
        Assert.Multiple(() =>
        {
            Assert.That(call.WithClientCertificate, Is.True, "SGP.22 §2.6.6: ES12 is mutually authenticated TLS; the SM-DP+ presented no client certificate");
            Assert.That(call.Field("eid"), Is.EqualTo(events.Eid), $"SGP.22 §5.9.1: RegisterEvent's eid must be the order's EID; got {call}");
            Assert.That(call.Field("rspServerAddress"), Is.EqualTo(run.Config.SmdpAddress).IgnoreCase,
                $"SGP.22 §5.9.1, §3.6.1: RegisterEvent's rspServerAddress must be the SM-DP+'s own address; got {call}");
            Assert.That(call.Field("eventId"), Is.EqualTo(events.EventId), $"SGP.22 §3.6.1, §5.3.2: the EventID must be the order's MatchingID ({events.EventId}); got {call}");
        });
    }

    [Then(@"^the SM-DP\+ calls DeleteEvent at that SM-DS with the eUICC's EID and the event's EventID$")]
    public async Task Deleted()
    {
        Es12Call call = await Required("deleteEvent", "§3.6.1, §5.9.2: once the event is consumed or its order cancelled the SM-DP+ SHALL delete it at the SM-DS (ES12.DeleteEvent)");
        Assert.Multiple(() =>
        {
            Assert.That(call.Field("eid"), Is.EqualTo(events.Eid), $"SGP.22 §5.9.2: DeleteEvent's eid must be the event's EID; got {call}");
            Assert.That(call.Field("eventId"), Is.EqualTo(events.EventId), $"SGP.22 §5.9.2: DeleteEvent's eventId must be the registered EventID ({events.EventId}); got {call}");
        });
    }

    [Then(@"^the SM-DP\+ calls no ES12 function at the harness's SM-DS$")]
    public async Task NoCall()
    {
        _ = await events.WaitForAsync("registerEvent", Quiet);
        Assert.That(events.CallsSinceMark, Is.Empty,
            $"SGP.22 §5.3.2: an order confirmed without an smdsAddress registers no event; the SM-DP+ called {string.Join(", ", events.CallsSinceMark)}");
    }

    private async Task<Es12Call> Required(string function, string rule) =>
        await events.WaitForAsync(function) ?? throw new AssertionException(string.Create(CultureInfo.InvariantCulture,
            $"SGP.22 {rule}: no {function} came to the SM-DS at {RecordingSmds.Address} within {run.Config.Timeout.TotalSeconds:0.#} s (timeoutSeconds); it received [{string.Join(", ", events.CallsSinceMark)}]."));
}
