using Conformance.Rsp.Crypto;

namespace Conformance.Steps.Support;

/// <summary>The curve a scenario runs on, from its tags.</summary>
public static class ScenarioCurve
{
    /// <summary>@brp or @nist on the feature, the scenario or its Examples block; else the run's first curve.</summary>
    public static RspCurve Of(FeatureContext feature, ScenarioContext scenario, TargetConfig config)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(config);
        string[] tags = [.. feature.FeatureInfo.Tags, .. scenario.ScenarioInfo.Tags];
        return tags.Contains("brp") ? RspCurve.BrainpoolP256r1 : tags.Contains("nist") ? RspCurve.NistP256 : config.Curves[0];
    }
}
