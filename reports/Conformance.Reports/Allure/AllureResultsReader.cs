using System.Text.Json;

namespace Conformance.Reports.Allure;

/// <summary>Reads an allure-results directory back (for JUnit, summaries and coverage after a run).</summary>
public static class AllureResultsReader
{
    /// <summary>Every <c>*-result.json</c> of the directory, ordered by start time then name.</summary>
    /// <exception cref="InvalidDataException">A result file is not valid allure JSON (the message names it).</exception>
    public static IReadOnlyList<AllureResult> ReadResults(string resultsDirectory) =>
        ReadAll<AllureResult>(resultsDirectory, "*-result.json")
            .OrderBy(r => r.Start).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();

    /// <summary>Every <c>*-container.json</c> of the directory.</summary>
    public static IReadOnlyList<AllureContainer> ReadContainers(string resultsDirectory) =>
        ReadAll<AllureContainer>(resultsDirectory, "*-container.json").ToList();

    private static IEnumerable<T> ReadAll<T>(string directory, string pattern)
    {
        foreach (var file in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
        {
            T? value;
            try
            {
                value = AllureJson.Deserialize<T>(File.ReadAllBytes(file));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(file)} is not a valid allure {typeof(T).Name}: {e.Message}", e);
            }
            yield return value ?? throw new InvalidDataException($"{Path.GetFileName(file)} is empty (null).");
        }
    }
}
