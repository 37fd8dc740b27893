namespace Conformance.Steps.Support;

/// <summary>
/// When the eUICC is a PC/SC card, looks at it once before the first scenario and puts the reader, the ATR and the
/// protocol into the report's environment. A card that cannot be reached does not stop the run (the SM-DP+ scenarios
/// do not need it): the environment says why, and each eUICC scenario then fails at once with that sentence.
/// </summary>
[Binding]
public static class PcscRunHooks
{
    [BeforeTestRun(Order = HookOrder.StartRun + 1)]
    public static async Task DescribeTheCardAsync()
    {
        if (RunHooks.Current is not { Config.Euicc.IsEmulated: false } run)
        {
            return;
        }

        var environment = new Dictionary<string, string>(run.EnvironmentProperties());
        foreach (var (key, value) in await EnvironmentOfAsync(PcscEuiccUnderTest.SlotOf(run)).ConfigureAwait(false))
        {
            environment[key] = value;
        }

        run.Allure.WriteEnvironment(environment);
    }

    /// <summary>"eUICC reader", "eUICC ATR", "eUICC protocol" of the card in the slot, or "eUICC reader" = why there is none.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentOfAsync(PcscCardSlot slot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(slot);
        try
        {
            PcscCardInfo card = await slot.ProbeAsync(ct).ConfigureAwait(false);
            return new Dictionary<string, string>
            {
                ["eUICC reader"] = card.Reader,
                ["eUICC ATR"] = card.AtrHex,
                ["eUICC protocol"] = card.ProtocolName,
            };
        }
        catch (EuiccUnavailableException e)
        {
            return new Dictionary<string, string> { ["eUICC reader"] = e.Message };
        }
    }
}
