namespace Conformance.Reports.Allure;

/// <summary>Where a fixture (hook) ran relative to its scenario.</summary>
public enum FixtureKind
{
    /// <summary>A set-up hook (written into the container's "befores").</summary>
    Before,
    /// <summary>A tear-down hook (written into the container's "afters").</summary>
    After,
}
