using Conformance.Adapters.Es2Plus;
using Conformance.SmdpPlus.Store;
using Conformance.Steps.Support;
using Conformance.Steps.Support.Orders;

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

    /// <summary>As <see cref="DefaultSmdp"/>, with a confirmation code.</summary>
    DefaultSmdpWithConfirmationCode,

    /// <summary>As <see cref="SmdsEventWithMatchingId"/> (the MatchingID is the EventID), with a confirmation code.</summary>
    SmdsEventWithConfirmationCode,

    /// <summary>Ordered without an EID, confirmed with a new MatchingID and released: an activation code not associated to an EID.</summary>
    ActivationCodeWithoutEid,

    /// <summary>As <see cref="ActivationCodeWithoutEid"/>, with a confirmation code.</summary>
    ActivationCodeWithoutEidWithConfirmationCode,

    /// <summary>Ordered for another eUICC, confirmed with an empty MatchingID and released: another eUICC's default SM-DP+ order.</summary>
    DefaultSmdpForAnotherEid,

    /// <summary>Ordered for another eUICC, confirmed with a MatchingID (the EventID) and an SM-DS address and released.</summary>
    SmdsEventForAnotherEid,

    /// <summary>
    /// As <see cref="ActivationCode"/>, where the order must be linked to the eUICC's EID (an order from a file or a command
    /// included): the SM-DP+ can then find it by EID when the LPA withholds the MatchingID (SGP.23 4.3.14.2.1 #17, #18).
    /// </summary>
    ActivationCodeLinkedToEid,
}

/// <summary>
/// Prepares, as the operator on ES2+, the order a download scenario starts from (through <see cref="OrderDriver"/>
/// and the run's inventory); <see cref="OrderDriver.EndLeftoverOrdersAsync"/> cancels them when the scenario ends.
/// </summary>
public sealed class DownloadOrderDriver(HarnessRun run, OrderDriver orders, OrderSession session, StepAttachments attachments)
{
    /// <summary>The SM-DS address put into ConfirmOrder for SM-DS events (the GSMA root SM-DS name LPAs use).</summary>
    public const string SmdsAddress = "lpa.ds.gsma.com";

    /// <summary>The confirmation code the harness sets on an order that requires one (ES2+ ConfirmOrder, an order command).</summary>
    public const string HarnessConfirmationCode = "7319";

    /// <summary>The confirmation code of the order, when it has one.</summary>
    public string? ConfirmationCode { get; private set; }

    /// <summary>The MatchingID of the order (null for the default SM-DP+ and SM-DS without MatchingID cases).</summary>
    public string? MatchingId { get; private set; }

    public string? Iccid => session.Iccid;

    public DownloadOrderStyle? Style { get; private set; }

    /// <summary>
    /// Orders and confirms a profile in <paramref name="style"/>; the scenario fails when the SM-DP+ refuses. With orders
    /// from a file or a command (the <c>orders</c> setting) it takes one from there instead, and the scenario is skipped,
    /// with the reason, when the source has none that fits.
    /// </summary>
    public async Task PrepareAsync(DownloadOrderStyle style)
    {
        Style = style;
        if (run.OrderSource is { } source)
        {
            await TakeAsync(source, style).ConfigureAwait(false);
            return;
        }

        OrderNeeds needs = NeedsOf(style);
        string? eid = needs.Eid;
        await orders.OrderProfileAsync(eid).ConfigureAwait(false);
        MatchingId = needs.MatchingId ? Identifiers.NewMatchingId() : null;
        ConfirmationCode = needs.ConfirmationCode ? HarnessConfirmationCode : null;
        var request = new ConfirmOrderRequest(session.RequireIccid(), ReleaseFlag: needs.Released, eid,
            MatchingId: MatchingId ?? "", ConfirmationCode: ConfirmationCode, SmdsAddress: needs.SmdsEvent ? SmdsAddress : null);
        await orders.RequireSuccessAsync(orders.ConfirmOrderAsync(request), $"ConfirmOrder of the order ({style})").ConfigureAwait(false);
    }

    /// <summary>
    /// The order style a Given step of the features asks for ("a profile released for the eUICC for its default SM-DP+"),
    /// or null when the step takes no order: how check-config counts the orders a selection needs.
    /// </summary>
    public static DownloadOrderStyle? StyleOf(string stepText) => stepText switch
    {
        "a profile released for the eUICC with a MatchingID" => DownloadOrderStyle.ActivationCode,
        "a profile released for the eUICC with a MatchingID and a confirmation code" => DownloadOrderStyle.ActivationCodeWithConfirmationCode,
        "a profile released for the eUICC for its default SM-DP+" => DownloadOrderStyle.DefaultSmdp,
        "a profile released for the eUICC through an SM-DS event with a MatchingID" => DownloadOrderStyle.SmdsEventWithMatchingId,
        "a profile released for the eUICC through an SM-DS event without a MatchingID" => DownloadOrderStyle.SmdsEventWithoutMatchingId,
        "a profile confirmed for the eUICC without being released" => DownloadOrderStyle.NotReleased,
        "a profile released for another eUICC with a MatchingID" => DownloadOrderStyle.ForAnotherEid,
        "a profile released for the eUICC for its default SM-DP+ with a confirmation code" => DownloadOrderStyle.DefaultSmdpWithConfirmationCode,
        "a profile released for the eUICC through an SM-DS event with a MatchingID and a confirmation code" => DownloadOrderStyle.SmdsEventWithConfirmationCode,
        "a profile released with a MatchingID and no EID" => DownloadOrderStyle.ActivationCodeWithoutEid,
        "a profile released with a MatchingID, a confirmation code and no EID" => DownloadOrderStyle.ActivationCodeWithoutEidWithConfirmationCode,
        "a profile released for another eUICC for its default SM-DP+" => DownloadOrderStyle.DefaultSmdpForAnotherEid,
        "a profile released for another eUICC through an SM-DS event with a MatchingID" => DownloadOrderStyle.SmdsEventForAnotherEid,
        "a profile released for the eUICC with a MatchingID, linked to its EID" => DownloadOrderStyle.ActivationCodeLinkedToEid,
        _ when stepText.StartsWith("a profile released for the eUICC with a MatchingID and a confirmation code by an SM-DP+", StringComparison.Ordinal)
            => DownloadOrderStyle.ActivationCodeWithConfirmationCode,
        _ when stepText.StartsWith("a profile released for the eUICC with a MatchingID by an SM-DP+", StringComparison.Ordinal) => DownloadOrderStyle.ActivationCode,
        _ => null,
    };

    /// <summary>
    /// What an order of <paramref name="style"/> must be, for the eUICC of the run (SGP.22 v2.5 §3.1.1, §3.1.3). An order not
    /// associated to an EID has <see cref="OrderNeeds.Eid"/> null (and <see cref="OrderNeeds.EidRequired"/> false).
    /// </summary>
    public static OrderNeeds NeedsOf(DownloadOrderStyle style) => new(
        Eid: style switch
        {
            DownloadOrderStyle.ForAnotherEid or DownloadOrderStyle.DefaultSmdpForAnotherEid or DownloadOrderStyle.SmdsEventForAnotherEid => Identifiers.Eid2,
            DownloadOrderStyle.ActivationCodeWithoutEid or DownloadOrderStyle.ActivationCodeWithoutEidWithConfirmationCode => null,
            _ => Identifiers.Eid1,
        },
        EidRequired: style is DownloadOrderStyle.ForAnotherEid or DownloadOrderStyle.DefaultSmdpForAnotherEid or DownloadOrderStyle.SmdsEventForAnotherEid
            or DownloadOrderStyle.ActivationCodeLinkedToEid || StartsFromDefaultSmdpAddress(style) || style == DownloadOrderStyle.SmdsEventWithoutMatchingId,
        MatchingId: !StartsFromDefaultSmdpAddress(style) && style != DownloadOrderStyle.SmdsEventWithoutMatchingId,
        ConfirmationCode: style is DownloadOrderStyle.ActivationCodeWithConfirmationCode or DownloadOrderStyle.DefaultSmdpWithConfirmationCode
            or DownloadOrderStyle.SmdsEventWithConfirmationCode or DownloadOrderStyle.ActivationCodeWithoutEidWithConfirmationCode,
        Released: style != DownloadOrderStyle.NotReleased,
        SmdsEvent: style is DownloadOrderStyle.SmdsEventWithMatchingId or DownloadOrderStyle.SmdsEventWithoutMatchingId
            or DownloadOrderStyle.SmdsEventWithConfirmationCode or DownloadOrderStyle.SmdsEventForAnotherEid);

    /// <summary>True when the download of such an order starts from the eUICC's default SM-DP+ address, without MatchingID.</summary>
    public static bool StartsFromDefaultSmdpAddress(DownloadOrderStyle style) =>
        style is DownloadOrderStyle.DefaultSmdp or DownloadOrderStyle.DefaultSmdpWithConfirmationCode or DownloadOrderStyle.DefaultSmdpForAnotherEid;

    /// <summary>True when the LPA withheld the order's MatchingID (omitted or empty in ctxParams1): the SM-DP+ finds the order by EID.</summary>
    public bool MatchingIdWithheld { get; private set; }

    /// <summary>
    /// The LPA puts no MatchingID (or an empty one) into ctxParams1, though the order has one. With orders from a file or a
    /// command the SM-DP+ may then take any pending order of the EID, so the taken order's ICCID no longer names the profile
    /// and the checks use the one announced (as for an order without MatchingID).
    /// </summary>
    public void WithholdMatchingId()
    {
        MatchingIdWithheld = true;
        if (run.OrderSource is not null)
        {
            session.Iccid = null;
        }
    }

    private async Task TakeAsync(IOrderSource source, DownloadOrderStyle style)
    {
        OrderNeeds needs = NeedsOf(style);
        (TakenOrder? order, string? lacking) = await source.TakeAsync(needs, CancellationToken.None).ConfigureAwait(false);
        if (order is null)
        {
            Assert.Ignore($"Not applicable to this target: {lacking}");
        }

        MatchingId = needs.MatchingId ? order!.MatchingId : null;
        ConfirmationCode = order!.ConfirmationCode;
        // Without a MatchingID the SM-DP+ takes a pending order of the EID (SGP.22 v2.5 §3.1.3.1), and a file or a command may
        // have left several: this order's ICCID then names no particular profile, and the checks use the one announced.
        session.Iccid = needs.MatchingId ? order.Iccid : null;
        session.Eid = needs.EidRequired ? needs.Eid : null;
        attachments.Add("order", "text/plain", $"{needs.Describe()}, taken from {source.Name}: {order.Origin}");
    }

    /// <summary>
    /// A MatchingID of a profile pool whose profile type has no profile (bundled reference SM-DP+ only): the generic
    /// activation code for which the SM-DP+ has no eligible profile.
    /// </summary>
    public async Task<string> EmptyPoolMatchingIdAsync()
    {
        string matchingId = Identifiers.NewMatchingId();
        await Reference().Store.AddPoolAsync(matchingId, "Conformance-Empty-Pool").ConfigureAwait(false);
        return matchingId;
    }

    /// <summary>Makes the scenario's order expire (bundled reference SM-DP+ only: the SM-DP+'s own store is changed).</summary>
    public async Task ExpireOrderAsync()
    {
        string matchingId = MatchingId ?? throw new InvalidOperationException("the scenario's order has no MatchingID");
        await using StoreTransaction tx = await Reference().Store.BeginAsync().ConfigureAwait(false);
        OrderRecord order = await tx.FindOrderByMatchingIdAsync(matchingId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the reference SM-DP+ has no order with MatchingID {matchingId}");
        await tx.SaveOrderAsync(order with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
    }

    private ReferenceSmdp Reference() => run.Reference
        ?? throw new InvalidOperationException("this step changes the bundled reference SM-DP+'s store: the scenario must be tagged @reference-only");
}
