using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>How the profile a download is about was prepared through ES2+ (SGP.22 v2.5 §3.1.1, §5.3).</summary>
public enum DownloadOrderStyle
{
    /// <summary>Ordered for the eUICC, confirmed with a new MatchingID and released: the activation code case.</summary>
    ActivationCode,

    /// <summary>As <see cref="ActivationCode"/>, with a confirmation code (SGP.22 §3.1.3.3).</summary>
    ActivationCodeWithConfirmationCode,

    /// <summary>Ordered for the eUICC, confirmed with an empty MatchingID and released: the default SM-DP+ address case.</summary>
    DefaultSmdp,

    /// <summary>Ordered for the eUICC, confirmed with a MatchingID and an SM-DS address and released: an SM-DS event.</summary>
    SmdsEventWithMatchingId,

    /// <summary>Ordered for the eUICC, confirmed with an SM-DS address and an empty MatchingID and released.</summary>
    SmdsEventWithoutMatchingId,

    /// <summary>Ordered for the eUICC and confirmed with a MatchingID, not released.</summary>
    NotReleased,

    /// <summary>Ordered for another eUICC (another EID), confirmed with a MatchingID and released.</summary>
    ForAnotherEid,
}

/// <summary>
/// Prepares, as the operator on ES2+, the order a download scenario starts from (through <see cref="OrderDriver"/>
/// and the run's inventory), and cancels at the end of the scenario the orders found by EID rather than by
/// MatchingID, so that they cannot be taken by a later scenario's download.
/// </summary>
public sealed class DownloadOrderDriver(OrderDriver orders, OrderSession session)
{
    /// <summary>The SM-DS address put into ConfirmOrder for SM-DS events (the GSMA root SM-DS name LPAs use).</summary>
    public const string SmdsAddress = "lpa.ds.gsma.com";

    /// <summary>The confirmation code of the order, when it has one.</summary>
    public string? ConfirmationCode { get; private set; }

    /// <summary>The MatchingID of the order (null for the default SM-DP+ and SM-DS without MatchingID cases).</summary>
    public string? MatchingId { get; private set; }

    public string? Iccid => session.Iccid;

    public DownloadOrderStyle? Style { get; private set; }

    /// <summary>Orders and confirms a profile in <paramref name="style"/>; the scenario fails when the SM-DP+ refuses.</summary>
    public async Task PrepareAsync(DownloadOrderStyle style)
    {
        Style = style;
        string eid = style == DownloadOrderStyle.ForAnotherEid ? Identifiers.Eid2 : Identifiers.Eid1;
        await orders.OrderProfileAsync(eid).ConfigureAwait(false);
        bool byEid = style is DownloadOrderStyle.DefaultSmdp or DownloadOrderStyle.SmdsEventWithoutMatchingId;
        MatchingId = byEid ? null : Identifiers.NewMatchingId();
        ConfirmationCode = style == DownloadOrderStyle.ActivationCodeWithConfirmationCode ? "7319" : null;
        var request = new ConfirmOrderRequest(session.RequireIccid(), ReleaseFlag: style != DownloadOrderStyle.NotReleased, eid,
            MatchingId: MatchingId ?? "", ConfirmationCode: ConfirmationCode,
            SmdsAddress: style is DownloadOrderStyle.SmdsEventWithMatchingId or DownloadOrderStyle.SmdsEventWithoutMatchingId ? SmdsAddress : null);
        await orders.RequireSuccessAsync(orders.ConfirmOrderAsync(request), $"ConfirmOrder of the order ({style})").ConfigureAwait(false);
    }

    /// <summary>
    /// End of scenario: an order the SM-DP+ finds by EID (no MatchingID) is cancelled, best effort, so that the
    /// next scenario's default SM-DP+ download does not take it.
    /// </summary>
    public async Task CleanUpAsync()
    {
        if (Style is DownloadOrderStyle.DefaultSmdp or DownloadOrderStyle.SmdsEventWithoutMatchingId && session.Iccid is { } iccid)
        {
            await orders.CancelOrderAsync(new CancelOrderRequest(iccid, CancelOrderRequest.Unavailable, Identifiers.Eid1, session.MatchingId)).ConfigureAwait(false);
        }
    }
}
