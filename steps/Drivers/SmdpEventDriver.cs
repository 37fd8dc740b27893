using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The SM-DP+'s ES12 duties (SGP.22 v2.5 §3.6.1, §5.3.2, §5.3.3, §5.9), scenario-scoped: the harness orders as the operator
/// on ES2+ naming an SM-DS in ConfirmOrder, plays that SM-DS (<see cref="RecordingSmds"/>) and waits, at most the run's
/// timeout, for the SM-DP+'s RegisterEvent and DeleteEvent. Needs an SM-DP+ that can reach the harness's SM-DS: the
/// bundled reference (configured so at start); against a remote SM-DP+ the scenarios are skipped with the reason.
/// </summary>
public sealed class SmdpEventDriver(HarnessRun run, OrderDriver orders, OrderSession session)
{
    private int _since;

    /// <summary>The harness's SM-DS; the scenario is skipped when the SM-DP+ under test cannot reach it.</summary>
    public RecordingSmds Smds
    {
        get
        {
            if (run.RecordingSmds is { } smds)
            {
                return smds;
            }

            Assert.Ignore($"Not applicable to this target: the SM-DP+ at {run.Config.SmdpTarget} cannot be pointed at the harness's SM-DS " +
                $"({RecordingSmds.Address} on loopback); these scenarios run against the bundled reference SM-DP+.");
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>The EventID the SM-DP+ must register: the MatchingID of the confirmed order (SGP.22 §3.6.1, §5.3.2).</summary>
    public string? EventId => session.MatchingId;

    public string Eid => Identifiers.Eid1;

    /// <summary>Orders a profile for the eUICC and confirms it with <paramref name="smdsAddress"/> (null: none) and a new MatchingID, released.</summary>
    public async Task OrderAsync(string? smdsAddress)
    {
        _since = Smds.Calls.Count;
        await orders.OrderProfileAsync(Eid).ConfigureAwait(false);
        await ConfirmAsync(smdsAddress).ConfigureAwait(false);
    }

    /// <summary>ConfirmOrder of the scenario's order (released, for the eUICC, a new MatchingID) naming <paramref name="smdsAddress"/>.</summary>
    public Task<FunctionOutcome> ConfirmAsync(string? smdsAddress)
    {
        _since = Smds.Calls.Count;
        OrderNamesSmds |= smdsAddress is not null;
        return orders.ConfirmOrderAsync(new ConfirmOrderRequest(session.RequireIccid(), ReleaseFlag: true, Eid,
            MatchingId: Identifiers.NewMatchingId(), SmdsAddress: smdsAddress));
    }

    /// <summary>True once the scenario's order was confirmed naming an SM-DS: the SM-DP+ then finds it by EID (SGP.22 §3.1.3.1).</summary>
    public bool OrderNamesSmds { get; set; }

    /// <summary>
    /// End of the scenario: an order naming an SM-DS that is still pending is cancelled (Unavailable), best effort, so that a
    /// later download of the same eUICC without a MatchingID does not take it.
    /// </summary>
    public async Task CleanupAsync()
    {
        if (!OrderNamesSmds || session.Iccid is not { } iccid)
        {
            return;
        }

        OrderNamesSmds = false;
        try
        {
            _ = await orders.CancelOrderAsync(new CancelOrderRequest(iccid, CancelOrderRequest.Unavailable, Eid, session.MatchingId)).ConfigureAwait(false);
        }
        catch (Es2PlusException)
        {
            // Best effort: an installed or already cancelled order is refused, which is fine.
        }
    }

    /// <summary>CancelOrder of the scenario's order (finalProfileStatusIndicator Available).</summary>
    public Task<FunctionOutcome> CancelAsync()
    {
        _since = Smds.Calls.Count;
        return orders.CancelOrderAsync(new CancelOrderRequest(session.RequireIccid(), CancelOrderRequest.Available, Eid, session.MatchingId));
    }

    /// <summary>Marks the calls so far as seen: the next wait looks only at later ones.</summary>
    public void Mark() => _since = Smds.Calls.Count;

    /// <summary>The first call of <paramref name="function"/> since the mark, waiting at most the run's timeout; null when none came.</summary>
    public Task<Es12Call?> WaitForAsync(string function, TimeSpan? timeout = null) =>
        Smds.WaitForAsync(_since, c => c.Function == function, timeout ?? run.Config.Timeout);

    /// <summary>Every call since the mark.</summary>
    public IReadOnlyList<Es12Call> CallsSinceMark => [.. Smds.Calls.Skip(_since)];
}
