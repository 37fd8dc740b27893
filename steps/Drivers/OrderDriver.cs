using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The harness as the operator on ES2+ (SGP.22 v2.5 §5.3): calls the SM-DP+ under test through
/// <see cref="Es2PlusClient"/>, records every exchange in the scenario's <see cref="ExchangeLog"/>,
/// keeps the order's state in <see cref="OrderSession"/> and reports outcomes to <see cref="ActionAttempt"/>.
/// </summary>
public sealed class OrderDriver(HarnessRun run, OrderSession session, ExchangeLog log, ActionAttempt attempt) : IDisposable
{
    private readonly Dictionary<OperatorIdentity, Es2PlusClient> _clients = [];

    public OrderSession Session => session;

    /// <summary>Picks a profile no other scenario uses.</summary>
    public string TakeAvailableProfile()
    {
        RequireEs2Plus();
        session.Iccid = run.Inventory.Take();
        session.FromInventory.Add(session.Iccid);
        return session.Iccid;
    }

    /// <summary>
    /// End of a scenario that played the operator: every order it made and did not see installed is cancelled (SGP.22 v2.5
    /// §5.3.3), best effort. A download without MatchingID takes any pending order of the EID (SGP.22 §3.1.3.1), so an order
    /// left behind would be downloaded by a later scenario, or turn its "no order for this EID" into a success. Against a
    /// remote SM-DP+ the profile is made Available again and an ICCID from the inventory goes back there, so a short iccids
    /// list serves a whole run; the bundled reference's are made Unavailable (its inventory is never reused). The SM-DP+
    /// refuses to cancel an installed profile or an order already gone; that answer is recorded and ignored.
    /// </summary>
    public async Task EndLeftoverOrdersAsync()
    {
        if (session.Ordered.Count == 0 || run.Es2Plus.ClientCertificate is null)
        {
            return;
        }

        string final = run.Config.IsReference ? CancelOrderRequest.Unavailable : CancelOrderRequest.Available;
        foreach ((string iccid, string? eid) in session.Ordered.ToList())
        {
            session.Ordered.Remove(iccid);
            try
            {
                // Straight to the client (recorded in the scenario's exchanges), not through ActionAttempt: the scenario is over.
                bool cancelled = await CancelLeftoverAsync(iccid, final, eid).ConfigureAwait(false)
                    // An order made without EID is linked to the eUICC that downloads it (SGP.22 v2.5 §3.1.3.1), and CancelOrder
                    // must then name that EID (§5.3.3).
                    || (eid is null && await CancelLeftoverAsync(iccid, final, Identifiers.Eid1).ConfigureAwait(false));
                if (cancelled && !run.Config.IsReference && session.FromInventory.Remove(iccid))
                {
                    run.Inventory.Return(iccid);
                }
            }
            catch (Exception e) when (e is Es2PlusException or HttpRequestException or OperationCanceledException)
            {
                // Best effort, recorded in the exchanges: the scenario's verdict is about its rule, not about the clean-up.
            }
        }
    }

    private async Task<bool> CancelLeftoverAsync(string iccid, string final, string? eid)
    {
        var answer = await Client(OperatorIdentity.Operator).CancelOrderAsync(new CancelOrderRequest(iccid, final, eid)).ConfigureAwait(false);
        return FunctionOutcome.Of(answer).Status == Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess;
    }

    /// <summary>With orders from a file or a command and no ES2+ settings, a scenario that plays the operator is skipped.</summary>
    private void RequireEs2Plus()
    {
        if (run.OrderSource is { } source && (run.Es2Plus.ClientCertificate is null || (!run.Config.IsReference && run.Config.Iccids.Count == 0)))
        {
            // The target offers no ES2+ to the harness: a scenario that plays the operator cannot run (skipped, not failed).
            Assert.Ignore($"Not applicable to this target: the scenario plays the operator on ES2+, and the run takes its orders from {source.Name} " +
                $"without ES2+ settings: set {Settings.OperatorCertificate.Key} and {Settings.OperatorKey.Key}, {Settings.Iccids.Key} and {Settings.ProfileType.Key} " +
                $"(and {Settings.Es2PlusUrl.Key} if ES2+ is elsewhere) to run it.");
        }
    }

    public string ProfileTypeForTypeOrders => run.Inventory.ProfileTypeForTypeOrders;

    public Task<FunctionOutcome> DownloadOrderAsync(DownloadOrderRequest request, OperatorIdentity who = OperatorIdentity.Operator) =>
        PerformAsync(async c =>
        {
            Es2PlusResponse<DownloadOrderResult> r = await c.DownloadOrderAsync(request).ConfigureAwait(false);
            LastDownload = r.Result;
            if (r.Result is { } ok)
            {
                run.Inventory.MarkUsed(ok.Iccid);
                session.Iccid ??= ok.Iccid;
                session.Eid = request.Eid;
                session.Ordered[ok.Iccid] = request.Eid;
            }

            return FunctionOutcome.Of(r);
        }, who);

    public Task<FunctionOutcome> ConfirmOrderAsync(ConfirmOrderRequest request, OperatorIdentity who = OperatorIdentity.Operator)
    {
        session.SentMatchingId = request.MatchingId;
        return PerformAsync(async c =>
        {
            Es2PlusResponse<ConfirmOrderResult> r = await c.ConfirmOrderAsync(request).ConfigureAwait(false);
            if (r.Result is { } ok && request.Iccid == session.Iccid)
            {
                (session.MatchingId, session.Eid) = (ok.MatchingId, ok.Eid ?? session.Eid);
            }

            if (r.Result is { } confirmed && session.Ordered.TryGetValue(request.Iccid, out string? linked))
            {
                // ConfirmOrder may link the order to an EID DownloadOrder left open (SGP.22 v2.5 §5.3.2).
                session.Ordered[request.Iccid] = confirmed.Eid ?? request.Eid ?? linked;
            }

            LastConfirmation = r.Result;
            return FunctionOutcome.Of(r);
        }, who);
    }

    public Task<FunctionOutcome> CancelOrderAsync(CancelOrderRequest request, OperatorIdentity who = OperatorIdentity.Operator) =>
        PerformAsync(async c => FunctionOutcome.Of(await c.CancelOrderAsync(request).ConfigureAwait(false)), who);

    public Task<FunctionOutcome> ReleaseProfileAsync(ReleaseProfileRequest request, OperatorIdentity who = OperatorIdentity.Operator) =>
        PerformAsync(async c => FunctionOutcome.Of(await c.ReleaseProfileAsync(request).ConfigureAwait(false)), who);

    /// <summary>The result of the last successful DownloadOrder.</summary>
    public DownloadOrderResult? LastDownload { get; private set; }

    /// <summary>The result of the last successful ConfirmOrder.</summary>
    public ConfirmOrderResult? LastConfirmation { get; private set; }

    /// <summary>Orders a fresh profile (for the eUICC or without an EID); the scenario fails if the SM-DP+ refuses.</summary>
    public Task OrderProfileAsync(string? eid) =>
        RequireSuccessAsync(DownloadOrderAsync(new DownloadOrderRequest(eid, TakeAvailableProfile())), "DownloadOrder of an available profile");

    /// <summary>Confirms the scenario's order with a new MatchingID.</summary>
    public Task ConfirmAsync(bool release) =>
        RequireSuccessAsync(ConfirmOrderAsync(new ConfirmOrderRequest(session.RequireIccid(), release, MatchingId: Identifiers.NewMatchingId())),
            "ConfirmOrder of the scenario's order");

    /// <summary>A second order, confirmed with its own MatchingID (kept as OtherMatchingId); the scenario's profile is left unchosen.</summary>
    public async Task ConfirmOtherOrderAsync()
    {
        await OrderProfileAsync(Identifiers.Eid1).ConfigureAwait(false);
        await ConfirmAsync(release: false).ConfigureAwait(false);
        (session.OtherMatchingId, session.MatchingId, session.Iccid) = (session.MatchingId, null, null);
    }

    /// <summary>Calls a function on the scenario's profile with its usual arguments, as <paramref name="who"/>.</summary>
    public Task<FunctionOutcome> CallAsync(string function, OperatorIdentity who)
    {
        string iccid = session.RequireIccid();
        return function switch
        {
            "DownloadOrder" => DownloadOrderAsync(new DownloadOrderRequest(Identifiers.Eid1, iccid), who),
            "ConfirmOrder" => ConfirmOrderAsync(new ConfirmOrderRequest(iccid, true, MatchingId: Identifiers.NewMatchingId()), who),
            "CancelOrder" => CancelOrderAsync(new CancelOrderRequest(iccid, CancelOrderRequest.Available, session.Eid), who),
            "ReleaseProfile" => ReleaseProfileAsync(new ReleaseProfileRequest(iccid), who),
            _ => throw new ArgumentException($"{function} is not an ES2+ function the operator calls", nameof(function)),
        };
    }

    /// <summary>Repeats the last call with another identity.</summary>
    public Task<FunctionOutcome> RepeatLastCallAsync(OperatorIdentity who) =>
        attempt.PerformAsync(() => (session.LastCall ?? throw new InvalidOperationException("no ES2+ call to repeat"))(who));

    /// <summary>A precondition of a scenario: the call must succeed, or the scenario fails naming it.</summary>
    public async Task RequireSuccessAsync(Task<FunctionOutcome> call, string purpose)
    {
        FunctionOutcome o = await call.ConfigureAwait(false);
        Assert.That(o.Status, Is.EqualTo(Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess),
            $"precondition '{purpose}' not met: {o}");
    }

    private Task<FunctionOutcome> PerformAsync(Func<Es2PlusClient, Task<FunctionOutcome>> call, OperatorIdentity who)
    {
        RequireEs2Plus();

        session.LastCall = identity => call(Client(identity));
        return attempt.PerformAsync(() => call(Client(who)));
    }

    private Es2PlusClient Client(OperatorIdentity who)
    {
        if (!_clients.TryGetValue(who, out Es2PlusClient? client))
        {
            Es2PlusClientOptions options = run.Es2Plus with
            {
                ClientCertificate = who switch
                {
                    OperatorIdentity.Operator => run.Es2Plus.ClientCertificate,
                    OperatorIdentity.Rogue => run.RogueOperatorCertificate,
                    _ => null,
                },
            };
            client = new Es2PlusClient(options, log);
            _clients[who] = client;
        }

        return client;
    }

    public void Dispose()
    {
        foreach (Es2PlusClient c in _clients.Values)
        {
            c.Dispose();
        }
    }
}
