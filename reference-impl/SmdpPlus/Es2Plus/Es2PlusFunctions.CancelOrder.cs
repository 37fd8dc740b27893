using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es2Plus;

public sealed partial class Es2PlusFunctions
{
    /// <summary>ES2+.CancelOrder (SGP.22 v2.5 §5.3.3): drop the order; the profile becomes Available or Unavailable.</summary>
    public async Task<RspResult> CancelOrder(CancelOrderRequest r, CallLog call, CancellationToken ct)
    {
        call.Subject = $"iccid={r.Iccid}";
        await using StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false);
        ProfileRecord? p = await tx.GetProfileAsync(r.Iccid).ConfigureAwait(false);
        OrderRecord? order = p is null ? null : await tx.GetOrderAsync(r.Iccid).ConfigureAwait(false);
        bool skipChecks = options.Defects.Contains(SmdpDefect.SkipEs2PlusOrderChecks);
        if (p is not null && order is null && skipChecks)
        {
            return RspResult.Ok(new HeaderOnlyResponse());
        }

        // SGP.22 §5.3.3: CancelOrder cancels a pending download order; a profile with none (never ordered) is 8.2.1 / 3.9.
        if (p is null || order is null || !ProfileStateMachine.HasOrder(p.State))
        {
            return p?.State == SmdpProfileState.Installed
                ? Fail(FunctionStatusCodes.IccidNotAllowed, $"the profile {r.Iccid} is installed; its order can no longer be cancelled")
                : Fail(FunctionStatusCodes.IccidUnknown, $"no download order exists for ICCID {r.Iccid}");
        }

        if (r.Eid is not null && order.Eid is not null && !string.Equals(r.Eid, order.Eid, StringComparison.Ordinal))
        {
            return Fail(FunctionStatusCodes.EidDifferentFromOrder, $"the order for ICCID {r.Iccid} is for another EID");
        }

        // SGP.22 §5.3.3: the EID SHALL be given when the order is bound to one (DownloadOrder or ConfirmOrder linked
        // it). Decision: a missing EID answers 8.1.1 / 2.2, as ConfirmOrder answers an EID missing in the order's context.
        if (r.Eid is null && order.Eid is not null && !skipChecks)
        {
            return Fail(FunctionStatusCodes.EidMissing, $"the order for ICCID {r.Iccid} is bound to an EID and the request names none");
        }

        if (r.MatchingId is not null && !string.Equals(r.MatchingId, order.MatchingId, StringComparison.Ordinal))
        {
            return Fail(FunctionStatusCodes.MatchingIdInvalidAssociation, $"MatchingID {r.MatchingId} is not the one of the order for ICCID {r.Iccid}");
        }

        SmdpProfileState final = r.FinalProfileStatusIndicator == CancelOrderRequest.Available ? SmdpProfileState.Available : SmdpProfileState.Unavailable;
        await tx.ChangeStateAsync(r.Iccid, p.State, final, order.Eid).ConfigureAwait(false);
        await tx.DeleteOrderAsync(r.Iccid).ConfigureAwait(false);
        await tx.CancelSessionsOfAsync(r.Iccid).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        // The order is gone: its Event on the SM-DS goes too (SGP.22 v2.5 §3.6.3).
        await DeleteEventAsync(es12, order, ct).ConfigureAwait(false);
        return RspResult.Ok(new HeaderOnlyResponse());
    }

    /// <summary>ES2+.ReleaseProfile (SGP.22 v2.5 §5.3.4): a Confirmed profile becomes Released (downloadable).</summary>
    public async Task<RspResult> ReleaseProfile(ReleaseProfileRequest r, CallLog call, CancellationToken ct)
    {
        call.Subject = $"iccid={r.Iccid}";
        await using StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false);
        ProfileRecord? p = await tx.GetProfileAsync(r.Iccid).ConfigureAwait(false);
        if (p is null)
        {
            return Fail(FunctionStatusCodes.IccidUnknown, $"ICCID {r.Iccid} is unknown to the SM-DP+");
        }

        if (p.State != SmdpProfileState.Confirmed || !await tx.ChangeStateAsync(r.Iccid, SmdpProfileState.Confirmed, SmdpProfileState.Released).ConfigureAwait(false))
        {
            return Fail(FunctionStatusCodes.IccidCannotBeReleased, $"the profile {r.Iccid} is in state {p.State}; only a Confirmed profile can be released");
        }

        await tx.CommitAsync().ConfigureAwait(false);
        return RspResult.Ok(new HeaderOnlyResponse());
    }
}
