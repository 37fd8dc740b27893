using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es2Plus;

public sealed partial class Es2PlusFunctions
{
    /// <summary>ES2+.DownloadOrder (SGP.22 v2.5 §5.3.1): reserve a profile by ICCID or by profile type.</summary>
    public async Task<RspResult> DownloadOrder(DownloadOrderRequest r, CallLog call, CancellationToken ct)
    {
        call.Subject = r.Iccid is not null ? $"iccid={r.Iccid}" : $"profileType={r.ProfileType}";
        if (r.Iccid is null && r.ProfileType is null)
        {
            return Fail(FunctionStatusCodes.ConditionalElementMissing, "either iccid or profileType must be given");
        }

        // With an EID the profile is linked to that eUICC, without it only allocated.
        SmdpProfileState target = r.Eid is null ? SmdpProfileState.Allocated : SmdpProfileState.Linked;
        await using StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false);
        string iccid;
        if (r.Iccid is not null)
        {
            ProfileRecord? p = await tx.GetProfileAsync(r.Iccid).ConfigureAwait(false);
            if (p is null)
            {
                return Fail(FunctionStatusCodes.IccidUnknown, $"ICCID {r.Iccid} is unknown to the SM-DP+");
            }

            if (r.ProfileType is not null && !string.Equals(p.ProfileType, r.ProfileType, StringComparison.Ordinal))
            {
                return Fail(FunctionStatusCodes.ProfileTypeMismatch, $"ICCID {r.Iccid} is of profile type '{p.ProfileType}', not '{r.ProfileType}'");
            }

            if (p.State != SmdpProfileState.Available || !await tx.ChangeStateAsync(p.Iccid, SmdpProfileState.Available, target, r.Eid).ConfigureAwait(false))
            {
                return Fail(FunctionStatusCodes.IccidAlreadyInUse, $"ICCID {r.Iccid} is not available (state {p.State})");
            }

            iccid = p.Iccid;
        }
        else
        {
            if (!await tx.ProfileTypeExistsAsync(r.ProfileType!).ConfigureAwait(false))
            {
                return Fail(FunctionStatusCodes.ProfileTypeUnknown, $"profile type '{r.ProfileType}' is unknown to the SM-DP+");
            }

            ProfileRecord? taken = await tx.TakeAvailableAsync(r.ProfileType!, target).ConfigureAwait(false);
            if (taken is null)
            {
                return Fail(FunctionStatusCodes.ProfileTypeUnavailable, $"no profile of type '{r.ProfileType}' is available");
            }

            iccid = taken.Iccid;
        }

        await tx.SaveOrderAsync(new OrderRecord
        {
            Iccid = iccid,
            Eid = r.Eid,
            ConfirmationCodeAttemptsLeft = options.ConfirmationCodeAttempts,
            DownloadAttemptsLeft = options.DownloadAttempts,
            CreatedAt = time.GetUtcNow(),
        }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        call.Subject = $"iccid={iccid}";
        return RspResult.Ok(new DownloadOrderResponse(iccid));
    }
}
