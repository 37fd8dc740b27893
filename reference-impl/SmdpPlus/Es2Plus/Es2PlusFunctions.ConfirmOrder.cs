using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es2Plus;

public sealed partial class Es2PlusFunctions
{
    /// <summary>ES2+.ConfirmOrder (SGP.22 v2.5 §5.3.2): confirm an order, fix EID and MatchingID, optionally release.</summary>
    public async Task<RspResult> ConfirmOrder(ConfirmOrderRequest r, CallLog call, CancellationToken ct)
    {
        call.Subject = $"iccid={r.Iccid}";
        await using StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false);
        ProfileRecord? p = await tx.GetProfileAsync(r.Iccid).ConfigureAwait(false);
        OrderRecord? order = p is null ? null : await tx.GetOrderAsync(r.Iccid).ConfigureAwait(false);
        if (p is not null && order is null && options.Defects.Contains(SmdpDefect.SkipEs2PlusOrderChecks))
        {
            return RspResult.Ok(new ConfirmOrderResponse(r.Eid, r.MatchingId ?? NewMatchingId(), options.SmdpAddress));
        }

        // SGP.22 §5.3.2: ConfirmOrder confirms a previous DownloadOrder; a profile no DownloadOrder reserved (never
        // ordered, or its order cancelled) has no order to confirm: 8.2.1 / 3.9, as for an ICCID the SM-DP+ does not know.
        if (p is null || order is null || p.State is SmdpProfileState.Available or SmdpProfileState.Unavailable)
        {
            return Fail(FunctionStatusCodes.IccidUnknown, $"no download order exists for ICCID {r.Iccid}");
        }

        if (p.State is not (SmdpProfileState.Allocated or SmdpProfileState.Linked))
        {
            return Fail(FunctionStatusCodes.IccidAlreadyInUse, $"the order for ICCID {r.Iccid} is already confirmed (state {p.State})");
        }

        // Decision: an EID different from the one linked by DownloadOrder answers 8.1.1 / 3.10 (Invalid
        // Association), as SGP.23 ConfirmOrder expects; some SGP.22 tables give 8.2.1 / 3.1 instead.
        if (r.Eid is not null && order.Eid is not null && !string.Equals(r.Eid, order.Eid, StringComparison.Ordinal))
        {
            return Fail(FunctionStatusCodes.EidDifferentFromOrder, $"ICCID {r.Iccid} is linked to another EID");
        }

        string? eid = r.Eid ?? order.Eid;

        // SGP.22 §5.3.2: the EID is mandatory when the MatchingID is empty (default SM-DP+ address use case)
        // or when an SM-DS address is given (an event is registered for that EID).
        if (eid is null && (r.MatchingId is "" || r.SmdsAddress is not null))
        {
            return Fail(FunctionStatusCodes.EidMissing, r.SmdsAddress is not null
                ? "the EID is needed when an SM-DS address is given"
                : "the EID is needed when the MatchingID is empty");
        }

        if (r.SmdsAddress is not null && !options.KnownSmDsAddresses.Contains(r.SmdsAddress, StringComparer.OrdinalIgnoreCase))
        {
            return Fail(FunctionStatusCodes.SmDsInaccessible, $"SM-DS '{r.SmdsAddress}' is not reachable from this SM-DP+");
        }

        // If no MatchingID is given the SM-DP+ generates one; a given one must be unique.
        string matchingId = r.MatchingId ?? await UniqueMatchingIdAsync(tx, r.Iccid).ConfigureAwait(false);
        if (matchingId.Length > 0 && await tx.MatchingIdInUseAsync(matchingId, r.Iccid).ConfigureAwait(false))
        {
            return Fail(FunctionStatusCodes.MatchingIdConflicting, $"MatchingID {matchingId} is already used by another order");
        }

        if (r.ConfirmationCode is "")
        {
            return Fail(new StatusCode(SubjectCodes.ConfirmationCode, ReasonCodes.Invalid, "Confirmation Code - Invalid"),
                "confirmationCode must not be empty when present");
        }

        if (await RegisterEventAsync(r.SmdsAddress, eid, matchingId, ct).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        SmdpProfileState target = r.ReleaseFlag ? SmdpProfileState.Released : SmdpProfileState.Confirmed;
        await tx.ChangeStateAsync(r.Iccid, p.State, target, eid).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        await tx.SaveOrderAsync(order with
        {
            Eid = eid,
            MatchingId = matchingId,
            ConfirmationCodeHash = r.ConfirmationCode is null ? null : HashConfirmationCode(r.ConfirmationCode),
            SmdsAddress = r.SmdsAddress,
            ReleaseFlag = r.ReleaseFlag,
            ConfirmationCodeAttemptsLeft = options.ConfirmationCodeAttempts,
            DownloadAttemptsLeft = options.DownloadAttempts,
            ExpiresAt = now + options.DownloadOrderValidity,
        }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return RspResult.Ok(new ConfirmOrderResponse(eid, matchingId, options.SmdpAddress));
    }

    /// <summary>
    /// SGP.22 v2.5 §5.3.2, §3.6.1: when an SM-DS address is given the SM-DP+ SHALL register the Event (EventID = the
    /// MatchingID) with ES12.RegisterEvent; ConfirmOrder fails 8.9 / 5.1 when the SM-DS cannot be reached and 8.9 / 4.2 when
    /// it refuses. Called inside the ConfirmOrder transaction, so a refused registration confirms nothing. Null: go on.
    /// </summary>
    private async Task<RspResult?> RegisterEventAsync(string? smdsAddress, string? eid, string matchingId, CancellationToken ct)
    {
        if (smdsAddress is null || eid is null || es12?.EndpointOf(smdsAddress) is null || options.Defects.Contains(SmdpDefect.NoRegisterEvent))
        {
            return null;
        }
        string registered = options.Defects.Contains(SmdpDefect.WrongEidInRegisterEvent) ? eid[..^1] + (eid[^1] == '9' ? '0' : (char)(eid[^1] + 1)) : eid;
        Rsp.Smds.SmdsCallStatus? status = await es12.RegisterEventAsync(smdsAddress, registered, matchingId, ct).ConfigureAwait(false);
        return status is null ? Fail(FunctionStatusCodes.SmDsInaccessible, $"SM-DS '{smdsAddress}' cannot be reached for ES12.RegisterEvent")
            : !status.IsSuccess ? Fail(FunctionStatusCodes.SmDsError, $"SM-DS '{smdsAddress}' refused ES12.RegisterEvent: {status}")
            : null;
    }

    /// <summary>SGP.22 v2.5 §3.6.3: ES12.DeleteEvent of an order's Event once its download has ended or the order is cancelled; failures are logged only.</summary>
    internal static async Task DeleteEventAsync(Es12.Es12Client? es12, OrderRecord? order, CancellationToken ct)
    {
        if (es12 is not null && order is { SmdsAddress: { } smds, Eid: { } eid, MatchingId: { } eventId } && es12.EndpointOf(smds) is not null)
        {
            await es12.DeleteEventAsync(smds, eid, eventId, ct).ConfigureAwait(false);
        }
    }

    private static async Task<string> UniqueMatchingIdAsync(StoreTransaction tx, string iccid)
    {
        while (true)
        {
            string candidate = NewMatchingId();
            if (!await tx.MatchingIdInUseAsync(candidate, iccid).ConfigureAwait(false))
            {
                return candidate;
            }
        }
    }
}
