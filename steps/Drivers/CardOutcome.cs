using System.Globalization;

namespace Conformance.Steps.Drivers;

/// <summary>
/// What the eUICC answered to the last ES10 function of a scenario, with the rule the answer is judged by:
/// the function, its SGP.22 section and the situation ("of an enabled profile"), and the result as the
/// spec's enumerated name and value ("profileNotInDisabledState", 2).
/// </summary>
public sealed record CardOutcome(string Function, string Section, string Situation, Type ResultType, string Name, int? Value)
{
    /// <summary>An outcome from an enumerated result of the spec (EnableProfileResult, DownloadErrorCode...).</summary>
    public static CardOutcome Of<T>(string function, string section, string situation, T result) where T : struct, Enum =>
        new(function, section, situation, typeof(T), result.ToString(), Convert.ToInt32(result, CultureInfo.InvariantCulture));

    /// <summary>An outcome with no number (a response CHOICE such as authenticateResponseOk).</summary>
    public static CardOutcome Named<T>(string function, string section, string situation, string name) where T : struct, Enum =>
        new(function, section, situation, typeof(T), name, null);

    public string Display => Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{Name}({v})") : Name;

    /// <summary>"profileNotInDisabledState(2)": the expected name with its value in the same enumeration when it has one.</summary>
    public string DisplayOf(string expected) =>
        Enum.TryParse(ResultType, expected, ignoreCase: false, out object? e)
            ? string.Create(CultureInfo.InvariantCulture, $"{expected}({Convert.ToInt32(e, CultureInfo.InvariantCulture)})")
            : expected;

    /// <summary>The assertion message: "SGP.22 §5.7.16: EnableProfile of an enabled profile must answer X(2), got ok(0)".</summary>
    public string Mismatch(string expected) =>
        $"SGP.22 {Section}: {Function} {Situation} must answer {DisplayOf(expected)}, got {Display}";
}
