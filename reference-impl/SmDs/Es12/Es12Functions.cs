using Conformance.Rsp.Smds;
using Conformance.Rsp.StatusCodes;
using Conformance.SmDs.Store;
using Conformance.SmdpPlus.Http;

namespace Conformance.SmDs.Es12;

/// <summary>The ES12 functions of the reference SM-DS (SGP.22 v2.5 §5.9; procedures §3.6.1 event registration, §3.6.3 deletion).</summary>
public sealed class Es12Functions(SmdsStore store, SmdsOptions options, TimeProvider time)
{
    private bool Defect(SmdsDefect d) => options.Defects.Contains(d);

    /// <summary>ES12.RegisterEvent (SGP.22 v2.5 §5.9.1).</summary>
    public async Task<RspResult> RegisterEvent(RegisterEventRequest r, CallLog call)
    {
        call.Subject = $"eid={r.Eid} eventId={r.EventId}";
        RegisterOutcome outcome = await store.RegisterAsync(new EventRecord(r.EventId, r.Eid, r.RspServerAddress, time.GetUtcNow())).ConfigureAwait(false);
        // The SM-DS SHALL refuse an Event Record that already exists for the EID (8.9.5 / 3.3, EventID duplicated).
        if (outcome == RegisterOutcome.AlreadyExists && !Defect(SmdsDefect.DuplicateEventAccepted))
        {
            return RspResult.Fail(FunctionStatusCodes.EventRecordAlreadyExists, $"an Event Record with EventID '{r.EventId}' already exists for EID {r.Eid}");
        }
        return RspResult.Ok(new HeaderOnlyResponse());
    }

    /// <summary>ES12.DeleteEvent (SGP.22 v2.5 §5.9.2).</summary>
    public async Task<RspResult> DeleteEvent(DeleteEventRequest r, CallLog call)
    {
        call.Subject = $"eid={r.Eid} eventId={r.EventId}";
        bool existed = Defect(SmdsDefect.EventNotDeleted)
            ? (await store.EventsAsync(r.Eid).ConfigureAwait(false)).Any(e => e.EventId == r.EventId)
            : await store.DeleteAsync(r.Eid, r.EventId).ConfigureAwait(false);
        // The SM-DS SHALL answer 8.9.5 / 3.9 when no Event Record with this EventID exists for the EID.
        if (!existed)
        {
            return RspResult.Fail(Defect(SmdsDefect.WrongStatusCodeForUnknownEvent) ? FunctionStatusCodes.EventRecordAlreadyExists : FunctionStatusCodes.EventUnknown,
                $"no Event Record with EventID '{r.EventId}' exists for EID {r.Eid}");
        }
        return RspResult.Ok(new HeaderOnlyResponse());
    }
}
