using Conformance.Steps.Drivers;

namespace Conformance.Steps.Support.Orders;

/// <summary>
/// How many orders of each kind a run's selection takes (a scenario takes one per "Given a profile ..." step), and
/// whether an orders file holds enough unused ones: checked before any scenario runs, so that a run never stops
/// half-way through a file, wasting the orders it took.
/// </summary>
public static class OrderPlan
{
    /// <summary>The orders the <paramref name="selected"/> scenarios take, by what they need.</summary>
    public static IReadOnlyDictionary<OrderNeeds, int> Needs(IEnumerable<FeatureScenario> selected, TargetConfig config)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(config);
        var needs = new Dictionary<OrderNeeds, int>();
        foreach (FeatureScenario s in selected)
        {
            // A scenario needing an undeclared optional feature is skipped before it takes an order.
            if (SmdpFeatures.NeededBy(s.Tags).Any(o => !config.SmdpOptions.Contains(o)))
            {
                continue;
            }

            foreach (DownloadOrderStyle style in s.Steps.Where(x => x.Keyword == "Given").Select(x => DownloadOrderDriver.StyleOf(x.Text)).OfType<DownloadOrderStyle>())
            {
                OrderNeeds need = DownloadOrderDriver.NeedsOf(style);
                needs[need] = needs.GetValueOrDefault(need) + 1;
            }
        }

        return needs;
    }

    /// <summary>
    /// One line per kind of order: needed, unused in the file. A kind the file offers but too few of stops the run
    /// (a <see cref="ConfigException"/>); a kind it has none of leaves those scenarios to be skipped.
    /// </summary>
    public static IReadOnlyList<string> Check(OrderBook book, IReadOnlyDictionary<OrderNeeds, int> needs)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(needs);
        var lines = new List<string>();
        foreach ((OrderNeeds need, int count) in needs.OrderByDescending(n => n.Value))
        {
            // No order of a file meets an SM-DS event's needs (BookedOrder.Meets).
            int fitting = book.Orders.Count(o => o.Meets(need));
            int unused = book.UnusedMeeting(need);
            if (fitting > 0 && unused < count)
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: the selection takes {count} orders of the kind \"{need.Describe()}\", and {book.FilePath} has {unused} unused " +
                    $"(ledger {book.Ledger}): add {count - unused} more, or narrow --tags.");
            }

            lines.Add(fitting == 0
                ? $"{count} x {need.Describe()}: none in the file, those scenarios will be skipped"
                : $"{count} x {need.Describe()}: {unused} unused in the file");
        }

        return lines;
    }
}
