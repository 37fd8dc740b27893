using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Es11;
using Conformance.Adapters.Es12;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>One Event Record the scenario registered (SGP.22 v2.5 §3.6.1: EID, RSP Server address, EventID).</summary>
public sealed record RegisteredEvent(string Eid, string RspServerAddress, string EventId);

/// <summary>Who calls ES12: the harness as the run's SM-DP+ (its client certificate), nobody known, or an impostor.</summary>
public enum Es12Caller
{
    Smdp,
    WithoutCertificate,
    UntrustedCertificate,
}

/// <summary>
/// The harness against the SM-DS under test, scenario-scoped: the SM-DP+ on ES12 (SGP.22 v2.5 §5.9, JSON binding, its
/// TLS client certificate) and the LPA with the eUICC on ES11 (§5.8, §3.6.2). The eUICC is the one of the SM-DP+
/// scenarios (<see cref="Es9Driver.EuiccAsync"/>: the emulated card with the run's PKI of the scenario's curve, its
/// faults set by the Given steps). Every call is reported to <see cref="ActionAttempt"/> (interface ES11 or ES12); the
/// events the scenario registered are deleted at its end, so the next scenario finds the eUICC without events.
/// </summary>
public sealed partial class SmdsDriver(HarnessRun run, Es9Driver es9, ExchangeLog log, ActionAttempt attempt) : IDisposable
{
    private readonly Dictionary<Es12Caller, RspHttpTransport> _transports = [];
    private Es11Client? _es11;

    public RunSmds Smds => run.Smds ?? throw new InvalidOperationException("the run has no SM-DS");

    /// <summary>The events registered by the scenario, oldest first (deleted ones are removed).</summary>
    public List<RegisteredEvent> Registered { get; } = [];

    /// <summary>The SM-DP+ address the harness registers its events with: the run's smdpAddress.</summary>
    public string SmdpAddress => run.Config.SmdpAddress;

    public Es11Client Es11 => _es11 ??= new Es11Client(new RspJsonClient(Transport(Es12Caller.WithoutCertificate),
        new RspJsonClientOptions { AdminProtocol = run.Config.AdminProtocol }));

    /// <summary>The ES12 client as <paramref name="caller"/>; skipped (not applicable) when the run has no ES12 client certificate.</summary>
    public Es12Client Es12(Es12Caller caller = Es12Caller.Smdp)
    {
        if (caller == Es12Caller.Smdp && Smds.Es12ClientCertificate is null)
        {
            Assert.Ignore("Not applicable to this target: the harness has no ES12 client certificate (settings es12Certificate and es12Key, or a PKI with CERT.DPtls and its key).");
        }

        return new Es12Client(new RspJsonClient(Transport(caller), new RspJsonClientOptions { AdminProtocol = run.Config.AdminProtocol, UserAgent = "conformance-smdp" }));
    }

    private RspHttpTransport Transport(Es12Caller caller)
    {
        if (!_transports.TryGetValue(caller, out RspHttpTransport? t))
        {
            X509Certificate2? certificate = caller switch
            {
                Es12Caller.Smdp => Smds.Es12ClientCertificate,
                Es12Caller.UntrustedCertificate => run.RogueOperatorCertificate,
                _ => null,
            };
            _transports[caller] = t = SmdpHttpClientFactory.CreateTransport(Smds.HttpOptions(certificate), log);
        }

        return t;
    }

    // ---- ES12 ----

    /// <summary>ES12.RegisterEvent for <paramref name="eid"/> with a new EventID and the run's SM-DP+ address; kept for clean-up when it succeeded.</summary>
    public Task<FunctionOutcome> RegisterEventAsync(string eid, Es12Caller caller = Es12Caller.Smdp) =>
        RegisterEventAsync(new RegisteredEvent(eid, SmdpAddress, "EV-" + Identifiers.NewMatchingId()), caller);

    public async Task<FunctionOutcome> RegisterEventAsync(RegisteredEvent e, Es12Caller caller = Es12Caller.Smdp)
    {
        ArgumentNullException.ThrowIfNull(e);
        Es12Client client = Es12(caller);
        FunctionOutcome outcome = await attempt.PerformAsync("ES12", "RegisterEvent", async () =>
            Es12Outcome(await client.RegisterEventAsync(new Es12RegisterEventRequest(e.Eid, e.RspServerAddress, e.EventId)).ConfigureAwait(false))).ConfigureAwait(false);
        if (outcome.Status is Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess && !Registered.Contains(e))
        {
            Registered.Add(e);
        }

        return outcome;
    }

    /// <summary>ES12.DeleteEvent of <paramref name="e"/> (its EID unless <paramref name="eid"/> names another).</summary>
    public async Task<FunctionOutcome> DeleteEventAsync(RegisteredEvent e, string? eid = null, Es12Caller caller = Es12Caller.Smdp)
    {
        ArgumentNullException.ThrowIfNull(e);
        Es12Client client = Es12(caller);
        FunctionOutcome outcome = await attempt.PerformAsync("ES12", "DeleteEvent", async () =>
            Es12Outcome(await client.DeleteEventAsync(new Es12DeleteEventRequest(eid ?? e.Eid, e.EventId)).ConfigureAwait(false))).ConfigureAwait(false);
        if (outcome.Status is Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess && (eid is null || eid == e.Eid))
        {
            Registered.Remove(e);
        }

        return outcome;
    }

    /// <summary>The last event the scenario registered.</summary>
    public RegisteredEvent LastRegistered => Registered.Count > 0 ? Registered[^1]
        : throw new InvalidOperationException("no event was registered earlier in the scenario (a Given step registers one)");

    private static FunctionOutcome Es12Outcome(Es9Result<Es9NoContent> r) => FunctionOutcome.Of(r) with { Interface = "ES12" };

    /// <summary>End of the scenario: the events it left at the SM-DS are deleted (best effort), so the eUICC's EID is without events again.</summary>
    public async Task CleanupAsync()
    {
        foreach (RegisteredEvent e in Registered.ToList())
        {
            try
            {
                _ = await Es12().DeleteEventAsync(new Es12DeleteEventRequest(e.Eid, e.EventId)).ConfigureAwait(false);
            }
            catch (RspTransportException)
            {
                // The SM-DS under test did not answer; the scenario's own verdict says why.
            }
        }

        Registered.Clear();
    }

    public void Dispose()
    {
        foreach (RspHttpTransport t in _transports.Values)
        {
            t.Dispose();
        }
    }
}
