using Conformance.Rsp.Crypto;

namespace Conformance.Steps.Support;

/// <summary>Which scenarios a run selects: the --tags expression, narrowed by the curves and the target.</summary>
public static class RunSelection
{
    /// <summary>The effective tag expression, or null when every scenario is selected.</summary>
    public static TagExpression? Of(TargetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var parts = new List<TagExpression>();
        if (config.Tags is not null)
        {
            parts.Add(TagExpression.Parse(config.Tags));
        }

        if (!config.Curves.Contains(RspCurve.NistP256))
        {
            parts.Add(new TagExpression.Not(new TagExpression.Tag("nist")));
        }

        if (!config.Curves.Contains(RspCurve.BrainpoolP256r1))
        {
            parts.Add(new TagExpression.Not(new TagExpression.Tag("brp")));
        }

        if (!config.IsReference)
        {
            // Scenarios that need the bundled SM-DP+'s internals cannot run against a remote one.
            parts.Add(new TagExpression.Not(new TagExpression.Tag("reference-only")));
        }

        return parts.Count == 0 ? null : parts.Aggregate((a, b) => new TagExpression.And(a, b));
    }

    /// <summary>The dotnet test filter of the run ("" selects everything).</summary>
    public static string TestFilter(TargetConfig config) => Of(config)?.ToTestFilter() ?? "";
}
