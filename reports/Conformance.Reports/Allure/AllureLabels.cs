namespace Conformance.Reports.Allure;

/// <summary>Label names the harness writes. The first group is allure's own vocabulary.</summary>
public static class AllureLabels
{
    public const string Epic = "epic";
    public const string Feature = "feature";
    public const string Story = "story";
    public const string Tag = "tag";
    public const string Severity = "severity";
    public const string ParentSuite = "parentSuite";
    public const string Suite = "suite";
    public const string SubSuite = "subSuite";
    public const string Host = "host";
    public const string Thread = "thread";
    public const string Framework = "framework";
    public const string Language = "language";

    // The harness's own labels (allure shows unknown labels in the test's metadata).

    /// <summary>"#01": the SGP.23 test sequence the scenario implements.</summary>
    public const string Sequence = "sequence";
    /// <summary>"NIST" or "BRP".</summary>
    public const string Curve = "curve";
    /// <summary>What ran behind the scenario: "reference", an SM-DP+ URL, "emulated", "pcsc:...".</summary>
    public const string Target = "target";
    /// <summary>"smdp" or "euicc".</summary>
    public const string Side = "side";
    /// <summary>Marks a result that describes the run itself (coverage matrix), not a scenario.</summary>
    public const string Artifact = "artifact";
}
