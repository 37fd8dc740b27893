using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// Finds the download order an AuthenticateClient is about (SGP.22 v2.5 §5.6.3, §3.1.3.1): by MatchingID
/// (activation code or SM-DS event), by a reusable MatchingID of a profile pool (see
/// <see cref="SmdpStore.AddPoolAsync"/>), or, without MatchingID (missing or empty in ctxParams1), by the EID: any
/// pending order linked to it, whether confirmed for the default SM-DP+ address, for an SM-DS event or with an
/// activation code's MatchingID (SGP.23 4.3.14.2.1 #14-#18). Runs inside the caller's store transaction.
/// </summary>
internal sealed record OrderLookup(OrderRecord? Order, ProfileRecord? Profile, RspResult? Failure)
{
    private const char PoolSeparator = '#';

    private static OrderLookup Fail(StatusCode code, string message) => new(null, null, RspResult.Fail(code, message));

    public static async Task<OrderLookup> FindAsync(StoreTransaction tx, string eid, string? matchingId, SmdpOptions options, DateTimeOffset now)
    {
        bool checkEid = !options.Defects.Contains(SmdpDefect.NoEidBindingCheck);
        OrderRecord? order;
        if (string.IsNullOrEmpty(matchingId))
        {
            // SGP.22 v2.5 §3.1.3.1: without a MatchingID the SM-DP+ looks for a pending download order for the EID. The
            // text names no kind of order, so an activation code's order linked to the EID is found too (SGP.23 4.3.14.2.1
            // #17, #18), as are default SM-DP+ and SM-DS event orders (#14-#16).
            Func<OrderRecord, bool> kind = options.Defects.Contains(SmdpDefect.EidLookupOnlyForOrdersWithoutMatchingId)
                ? o => o.MatchingId is "" || o.SmdsAddress is not null
                : _ => true;
            order = await PendingForEidAsync(tx, eid, kind).ConfigureAwait(false);
            if (order is null)
            {
                // Decision: no order is linked to this EID, so the EID is what is refused (8.1.1 / 3.8).
                return Fail(FunctionStatusCodes.EidMismatch, $"no pending download order is linked to EID {eid}");
            }
        }
        else
        {
            order = await tx.FindOrderByMatchingIdAsync(matchingId).ConfigureAwait(false);
            if (order is null && await tx.PoolProfileTypeAsync(matchingId).ConfigureAwait(false) is { } poolType)
            {
                return await FromPoolAsync(tx, eid, matchingId, poolType, options, now).ConfigureAwait(false);
            }
            if (order is null)
            {
                // The SM-DP+ SHALL verify that the MatchingID identifies a pending download order.
                return Fail(FunctionStatusCodes.MatchingIdRefused, $"MatchingID '{matchingId}' identifies no download order");
            }
            // If an EID is associated with the order, the eUICC's EID SHALL match it. An SM-DS event's order always has
            // one (ConfirmOrder requires the EID with an smdsAddress): the EventID found, the EID is still checked.
            bool smdsEventUnchecked = order.SmdsAddress is not null && options.Defects.Contains(SmdpDefect.NoEidCheckForSmdsEvent);
            if (checkEid && !smdsEventUnchecked && order.Eid is not null && !string.Equals(order.Eid, eid, StringComparison.Ordinal))
            {
                return Fail(FunctionStatusCodes.EidMismatch, $"the order of MatchingID '{matchingId}' is for another EID");
            }
        }
        return await WithProfileAsync(tx, order).ConfigureAwait(false);
    }

    private static async Task<OrderLookup> WithProfileAsync(StoreTransaction tx, OrderRecord order)
    {
        ProfileRecord profile = (await tx.GetProfileAsync(order.Iccid).ConfigureAwait(false))!;
        return profile.State switch
        {
            SmdpProfileState.Released or SmdpProfileState.Downloaded or SmdpProfileState.Error => new(order, profile, null),
            // The profile SHALL have been released by the operator (ConfirmOrder releaseFlag or ReleaseProfile).
            SmdpProfileState.Allocated or SmdpProfileState.Linked or SmdpProfileState.Confirmed =>
                Fail(FunctionStatusCodes.ProfileNotReleased, $"the profile of the order ({order.Iccid}) has not been released yet"),
            _ => Fail(FunctionStatusCodes.MatchingIdRefused, $"the order for ICCID {order.Iccid} is no longer downloadable (profile {profile.State})"),
        };
    }

    /// <summary>
    /// The order an eUICC's download without MatchingID is about, of several open ones for its EID: the oldest whose
    /// profile can be downloaded and that has download attempts left; else the oldest not released yet; else the
    /// oldest whose attempts are used up (so a lone exhausted order still answers 8.8.5 / 6.4).
    /// </summary>
    private static async Task<OrderRecord?> PendingForEidAsync(StoreTransaction tx, string eid, Func<OrderRecord, bool> kind)
    {
        OrderRecord? pending = null;
        OrderRecord? exhausted = null;
        foreach (OrderRecord o in await tx.FindOpenOrdersByEidAsync(eid).ConfigureAwait(false))
        {
            if (!kind(o))
            {
                continue;
            }
            ProfileRecord? p = await tx.GetProfileAsync(o.Iccid).ConfigureAwait(false);
            if (p?.State is SmdpProfileState.Released or SmdpProfileState.Downloaded or SmdpProfileState.Error)
            {
                if (o.DownloadAttemptsLeft > 0)
                {
                    return o;
                }
                exhausted ??= o;
            }
            if (p?.State is SmdpProfileState.Confirmed or SmdpProfileState.Linked)
            {
                pending ??= o;
            }
        }
        return pending ?? exhausted;
    }

    /// <summary>
    /// A reusable MatchingID: the eUICC's unfinished order from this pool when it retries, otherwise one Available
    /// profile taken for it atomically. An exhausted pool answers 8.2.5 / 4.3: of the AuthenticateClient codes
    /// (SGP.22 §5.6.3) it is the one for "no eligible Profile for this eUICC" (8.2.5 / 3.7 is ES2+ DownloadOrder's).
    /// </summary>
    private static async Task<OrderLookup> FromPoolAsync(StoreTransaction tx, string eid, string poolId, string profileType, SmdpOptions options, DateTimeOffset now)
    {
        string prefix = poolId + PoolSeparator;
        OrderRecord? mine = await PendingForEidAsync(tx, eid, o => o.MatchingId?.StartsWith(prefix, StringComparison.Ordinal) == true).ConfigureAwait(false);
        if (mine is not null)
        {
            return await WithProfileAsync(tx, mine).ConfigureAwait(false);
        }
        ProfileRecord? taken = await tx.TakeAvailableAsync(profileType, SmdpProfileState.Linked).ConfigureAwait(false);
        if (taken is null)
        {
            return Fail(FunctionStatusCodes.NoEligibleProfile, $"no profile of type '{profileType}' is left for MatchingID '{poolId}'");
        }
        await tx.ChangeStateAsync(taken.Iccid, SmdpProfileState.Linked, SmdpProfileState.Released, eid).ConfigureAwait(false);
        var order = new OrderRecord
        {
            Iccid = taken.Iccid,
            Eid = eid,
            MatchingId = prefix + taken.Iccid,
            ReleaseFlag = true,
            ConfirmationCodeAttemptsLeft = options.ConfirmationCodeAttempts,
            DownloadAttemptsLeft = options.DownloadAttempts,
            ExpiresAt = now + options.DownloadOrderValidity,
            CreatedAt = now,
        };
        await tx.SaveOrderAsync(order).ConfigureAwait(false);
        return new(order, taken with { State = SmdpProfileState.Released }, null);
    }
}
