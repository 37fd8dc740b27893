using Conformance.Adapters.Es11;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// The SM-DP+ on ES12 against the SM-DS under test (SGP.22 v2.5 §5.9): registering and deleting Event Records, and what
/// the eUICC then retrieves over ES11 (§3.6.2). "the eUICC" is the emulated eUICC of the scenario's curve, "another
/// eUICC" a second valid EID of the same EUM range.
/// </summary>
[Binding]
public sealed class SmdsEventSteps(SmdsDriver smds, Es9Driver es9, HarnessRun run)
{
    [When(@"^the SM-DP\+ registers an event for (the eUICC|another eUICC)( without a client certificate| with a client certificate from an untrusted CA|)$")]
    public async Task Register(string who, string caller) => await smds.RegisterEventAsync(await EidAsync(who), Caller(caller));

    [Given(@"^the SM-DP\+ has registered an event for (the eUICC|another eUICC)$")]
    public async Task Registered(string who) => SmdsDriverChecks.Require(await smds.RegisterEventAsync(await EidAsync(who)));

    [When(@"^the SM-DP\+ registers the same event again$")]
    public Task RegisterAgain() => smds.RegisterEventAsync(smds.LastRegistered);

    [When(@"^the SM-DP\+ deletes that event( without a client certificate| with a client certificate from an untrusted CA|)$")]
    public Task Delete(string caller) => smds.DeleteEventAsync(smds.LastRegistered, caller: Caller(caller));

    [When(@"^the SM-DP\+ deletes that event for another eUICC$")]
    public Task DeleteForAnother() => smds.DeleteEventAsync(smds.LastRegistered, Identifiers.Eid2);

    [When(@"^the SM-DP\+ deletes an event unknown to the SM-DS$")]
    public async Task DeleteUnknown() =>
        await smds.DeleteEventAsync(new RegisteredEvent(await EidAsync("the eUICC"), smds.SmdpAddress, "EV-" + Identifiers.NewMatchingId()));

    [Then(@"^the eUICC retrieves that event from the SM-DS$")]
    public async Task RetrievesIt()
    {
        RegisteredEvent e = smds.LastRegistered;
        IReadOnlyList<Es11EventEntry> entries = await smds.RetrieveEventsAsync();
        Assert.That(entries.Any(x => x.EventId == e.EventId && x.RspServerAddress == e.RspServerAddress), Is.True,
            $"SGP.22 §3.6.2, §5.8.2: the SM-DS must answer the eUICC the Event Record registered for its EID (EventID {e.EventId} at {e.RspServerAddress}); " +
            $"it answered [{string.Join("; ", entries)}]");
    }

    [Then(@"^the eUICC retrieves no event from the SM-DS$")]
    public async Task RetrievesNone()
    {
        IReadOnlyList<Es11EventEntry> entries = await smds.RetrieveEventsAsync();
        Assert.That(entries, Is.Empty,
            $"SGP.22 §5.9.2, §5.8.2: after DeleteEvent the SM-DS must no longer answer the Event Record; it answered [{string.Join("; ", entries)}]");
    }

    /// <summary>The EID of the scenario's eUICC from its certificate in the run's PKI (the card is not started, so Given steps may still set its faults).</summary>
    private Task<string> EidAsync(string who) => Task.FromResult(who == "another eUICC" ? Identifiers.Eid2
        : run.Pki.For(es9.Curve).Euicc.Certificate.SubjectSerialNumber ?? Identifiers.Eid1);

    private static Es12Caller Caller(string text) => text switch
    {
        " without a client certificate" => Es12Caller.WithoutCertificate,
        " with a client certificate from an untrusted CA" => Es12Caller.UntrustedCertificate,
        _ => Es12Caller.Smdp,
    };
}
