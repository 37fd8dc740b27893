using Conformance.Adapters.Es9Plus;

namespace Conformance.Steps.Support;

/// <summary>
/// The ES9+ binding a scenario's LPA uses: the ASN.1 binding (SGP.22 v2.5 §6.6) when the feature or the scenario is
/// tagged <c>@asn1</c>, else the JSON binding (§6.5). An SM-DP+ that does not declare the ASN.1 binding (the
/// <c>asn1Binding</c> setting) gets the @asn1 scenarios skipped with the reason, not failed.
/// </summary>
[Binding]
public sealed class ScenarioBinding(FeatureContext feature, ScenarioContext scenario)
{
    public const string Asn1Tag = "asn1";

    /// <summary>The binding of a scenario with these tags.</summary>
    public static Es9Binding Of(FeatureContext feature, ScenarioContext scenario)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        return feature.FeatureInfo.Tags.Concat(scenario.ScenarioInfo.Tags).Contains(Asn1Tag) ? Es9Binding.Asn1 : Es9Binding.Json;
    }

    /// <summary>After the run is registered and the scenario's report started (<see cref="ScenarioHooks"/>).</summary>
    [BeforeScenario(Order = HookOrder.Harness + 1)]
    public void SkipWhereTheTargetHasNoAsn1Binding()
    {
        if (RunHooks.Current is { } run && !run.Config.Asn1Binding && Of(feature, scenario) == Es9Binding.Asn1)
        {
            string target = run.Config.IsReference ? "the bundled reference SM-DP+ (switched off in this run)" : $"the SM-DP+ at {run.Config.SmdpTarget}";
            Assert.Ignore($"Not applicable to this target: the scenario runs ES9+ over the ASN.1 binding (SGP.22 §6.6), which {target} " +
                $"has not declared ({Settings.Asn1Binding.Flag} true, {Settings.Asn1Binding.Env}=true or \"{Settings.Asn1Binding.Key}\": true declares it).");
        }
    }
}
