namespace Conformance.Reports.Allure;

/// <summary>
/// What the Gherkin harness knows about a scenario when it starts. Maps to allure labels:
/// <see cref="Interface"/> is the epic ("ES9+"), <see cref="Function"/> the feature
/// ("InitiateAuthentication"), <see cref="TestCaseId"/> the story
/// ("TC_SM-DP+_ES9+.InitiateAuthenticationNIST"); suites are interface / function / test case.
/// </summary>
public sealed record ScenarioInfo(string Name, string Interface, string Function)
{
    /// <summary>The SGP.23 test-case ID (the story label), when the scenario carries one.</summary>
    public string? TestCaseId { get; init; }

    /// <summary>The SGP.23 test sequence, "#01".</summary>
    public string? Sequence { get; init; }

    /// <summary>Gherkin tags, with or without the leading '@'.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Allure severity: blocker, critical, normal, minor, trivial.</summary>
    public string Severity { get; init; } = "normal";

    public string? Curve { get; init; }
    public string? Target { get; init; }
    public string? Side { get; init; }
    public string Host { get; init; } = Environment.MachineName;
    public string Framework { get; init; } = "Reqnroll";
    public string? Description { get; init; }
    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];
    public IReadOnlyList<AllureLink> Links { get; init; } = [];

    /// <summary>
    /// The stable identity of the scenario across runs (hashed into historyId and testCaseId).
    /// Defaults to "interface/function: name"; set it to the feature path + scenario title when
    /// two features could share a scenario name.
    /// </summary>
    public string? FullName { get; init; }

    internal string EffectiveFullName => FullName ?? $"{Interface}/{Function}: {Name}";

    internal List<AllureLabel> ToLabels()
    {
        var labels = new List<AllureLabel>
        {
            new(AllureLabels.Epic, Interface),
            new(AllureLabels.Feature, Function),
            new(AllureLabels.ParentSuite, Interface),
            new(AllureLabels.Suite, Function),
            new(AllureLabels.Severity, Severity),
            new(AllureLabels.Host, Host),
            new(AllureLabels.Framework, Framework),
            new(AllureLabels.Language, "C#"),
        };
        if (TestCaseId is not null)
        {
            labels.Add(new(AllureLabels.Story, TestCaseId));
            labels.Add(new(AllureLabels.SubSuite, TestCaseId));
        }
        AddIfSet(labels, AllureLabels.Sequence, Sequence);
        AddIfSet(labels, AllureLabels.Curve, Curve);
        AddIfSet(labels, AllureLabels.Target, Target);
        AddIfSet(labels, AllureLabels.Side, Side);
        foreach (var tag in Tags)
        {
            labels.Add(new(AllureLabels.Tag, tag.TrimStart('@')));
        }
        return labels;
    }

    private static void AddIfSet(List<AllureLabel> labels, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            labels.Add(new(name, value));
        }
    }
}
