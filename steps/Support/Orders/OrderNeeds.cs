namespace Conformance.Steps.Support.Orders;

/// <summary>
/// What the order a download scenario starts from must be (SGP.22 v2.5 §3.1.1, §3.1.3): bound to an EID or not, with a
/// MatchingID or not (an EID-bound order without one serves the default SM-DP+ address), a confirmation code or not,
/// released or only confirmed, registered as an SM-DS event or not.
/// </summary>
/// <param name="Eid">The EID the order is for (an order bound to it, or to none, serves unless <paramref name="EidRequired"/>), or null when the order must not be bound to any EID (an activation code not associated to an EID).</param>
/// <param name="EidRequired">True when the order must be bound to <paramref name="Eid"/> (the default SM-DP+ address case, another eUICC's order).</param>
/// <param name="MatchingId">True when the LPA gets a MatchingID; false for an EID-bound order with an empty one.</param>
/// <param name="ConfirmationCode">True when the order requires a confirmation code (SGP.22 §3.1.3.3).</param>
/// <param name="Released">True for a released order (releaseFlag true), false for one confirmed only.</param>
/// <param name="SmdsEvent">True when the order must be registered as an event on an SM-DS.</param>
public sealed record OrderNeeds(string? Eid, bool EidRequired, bool MatchingId, bool ConfirmationCode, bool Released, bool SmdsEvent)
{
    /// <summary>The need in words, for a skipped scenario's reason: "a released order bound to EID ... with a MatchingID".</summary>
    public string Describe()
    {
        var parts = new List<string> { Released ? "a released order" : "an order confirmed but not released" };
        if (EidRequired)
        {
            parts.Add($"bound to EID {Eid}");
        }
        else if (Eid is null)
        {
            parts.Add("not bound to any EID");
        }

        parts.Add(MatchingId ? "with a MatchingID" : "with an empty MatchingID");
        if (ConfirmationCode)
        {
            parts.Add("and a confirmation code");
        }

        if (SmdsEvent)
        {
            parts.Add("registered as an SM-DS event");
        }

        return string.Join(" ", parts);
    }
}

/// <summary>An order taken from a source: what the LPA gets (MatchingID, confirmation code) and, when known, the profile's ICCID.</summary>
public sealed record TakenOrder(string MatchingId, string? ConfirmationCode, string? Iccid, string Origin);

/// <summary>Where the orders of the download scenarios come from (the <c>orders</c> setting).</summary>
public interface IOrderSource
{
    /// <summary>"es2plus", "file orders.txt" or "command ...": for messages.</summary>
    string Name { get; }

    /// <summary>
    /// An unused order that meets <paramref name="needs"/>, or null with the reason (one sentence) when this source cannot
    /// offer one: the scenario is then skipped, not failed.
    /// </summary>
    Task<(TakenOrder? Order, string? Lacking)> TakeAsync(OrderNeeds needs, CancellationToken ct);
}
