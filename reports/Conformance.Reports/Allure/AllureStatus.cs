using System.Text.Json.Serialization;

namespace Conformance.Reports.Allure;

/// <summary>
/// The four verdicts of the allure-results format. <see cref="Failed"/> is a requirement the
/// system under test did not meet (an assertion); <see cref="Broken"/> is anything else that
/// stopped the scenario (harness error, transport failure, timeout).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AllureStatus>))]
public enum AllureStatus
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("broken")] Broken,
    [JsonStringEnumMemberName("skipped")] Skipped,
}
