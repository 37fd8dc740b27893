using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es12;

/// <summary>ES12.RegisterEvent input (SGP.22 v2.5 §5.9.1): the event record an SM-DP+ asks the SM-DS to keep for an EID.</summary>
/// <param name="Eid">The EID the event is for (32 digits).</param>
/// <param name="RspServerAddress">The address of the SM-DP+ (or alternative SM-DS) the LPA must contact for the event.</param>
/// <param name="EventId">The EventID: unique per SM-DP+ address (SGP.22 §3.6.1, a MatchingID for the SM-DP+).</param>
/// <param name="ForwardingIndicator">True: an alternative SM-DS forwards the event to the root SM-DS (ES15, cascading).</param>
public sealed record Es12RegisterEventRequest(string Eid, string RspServerAddress, string EventId, bool ForwardingIndicator = false);

/// <summary>ES12.DeleteEvent input (SGP.22 v2.5 §5.9.2).</summary>
public sealed record Es12DeleteEventRequest(string Eid, string EventId);

/// <summary>
/// The SM-DP+ side of ES12 (SGP.22 v2.5 §5.9, SM-DP+ ↔ SM-DS) over the JSON binding (§6.5.1, §6.5.2): POST
/// /gsma/rsp2/es12/&lt;function&gt; with a request header {functionRequesterIdentifier, functionCallIdentifier} and the
/// spec's field names, over mutually authenticated TLS (the transport carries the SM-DP+'s client certificate,
/// SGP.22 §2.6.6). Both functions answer a header only; a failure the SM-DS reports is a result.
/// </summary>
public sealed class Es12Client(RspJsonClient json, string functionRequesterIdentifier = "conformance-smdp")
{
    public const string BasePath = "gsma/rsp2/es12/";

    private long _calls;

    public RspJsonClient Json => json;

    public JsonObject RegisterEventJson(Es12RegisterEventRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        JsonObject body = Header();
        body["eid"] = r.Eid;
        body["rspServerAddress"] = r.RspServerAddress;
        body["eventId"] = r.EventId;
        body["forwardingIndicator"] = r.ForwardingIndicator;
        return body;
    }

    public JsonObject DeleteEventJson(Es12DeleteEventRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        JsonObject body = Header();
        body["eid"] = r.Eid;
        body["eventId"] = r.EventId;
        return body;
    }

    /// <summary>ES12.RegisterEvent (SGP.22 §5.9.1).</summary>
    public Task<Es9Result<Es9NoContent>> RegisterEventAsync(Es12RegisterEventRequest request, CancellationToken ct = default) =>
        SendAsync("registerEvent", RegisterEventJson(request), ct);

    /// <summary>ES12.DeleteEvent (SGP.22 §5.9.2).</summary>
    public Task<Es9Result<Es9NoContent>> DeleteEventAsync(Es12DeleteEventRequest request, CancellationToken ct = default) =>
        SendAsync("deleteEvent", DeleteEventJson(request), ct);

    /// <summary>POSTs any JSON object (its header included) to an ES12 function path and reads the function execution status.</summary>
    public async Task<Es9Result<Es9NoContent>> SendAsync(string function, JsonObject body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        string name = char.ToUpperInvariant(function[0]) + function[1..];
        RspJsonAnswer a = await json.PostAsync(BasePath + function, body, "ES12 " + name, ct).ConfigureAwait(false);
        return new Es9Result<Es9NoContent>
        {
            Function = name,
            Value = a.Status.IsExecuted ? Es9NoContent.Instance : null,
            Status = a.Status,
            Exchange = a.Http.Exchange,
        };
    }

    /// <summary>The request header of the JSON binding (SGP.22 §6.5.1.3).</summary>
    public JsonObject Header() => new()
    {
        ["header"] = new JsonObject
        {
            ["functionRequesterIdentifier"] = functionRequesterIdentifier,
            ["functionCallIdentifier"] = "es12-" + Interlocked.Increment(ref _calls).ToString(CultureInfo.InvariantCulture),
        },
    };
}
