using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Coverage;

/// <summary>
/// A numbered SGP.23 test sequence ("#01") and its one-line description; the SGP.23 sub-section that numbers it and
/// whether the public sources agree on it (null: not said).
/// </summary>
public sealed record CatalogSequence(
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("description")] string? Description)
{
    [JsonPropertyName("section")] public string? Section { get; init; }
    [JsonPropertyName("confirmed")] public bool? Confirmed { get; init; }

    /// <summary>"#05", or "#05?" when the sources do not confirm the number.</summary>
    public string Label => Confirmed == false ? Sequence + "?" : Sequence;
}

/// <summary>A sequence SGP.23 numbers under another test case (sub-section) that a catalog ID folds in; not matched to scenarios.</summary>
public sealed record CatalogOtherSequence(
    [property: JsonPropertyName("testCase")] string TestCase,
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("description")] string? Description)
{
    [JsonPropertyName("section")] public string? Section { get; init; }
    [JsonPropertyName("confirmed")] public bool? Confirmed { get; init; }
}

/// <summary>One SGP.23 test case (fixtures/sgp23/catalog.json).</summary>
public sealed record CatalogTestCase
{
    /// <summary>The SGP.23 ID as the spec spells it, e.g. "TC_SM-DP+_ES9+.InitiateAuthenticationNIST".</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>SGP.23 section ("4.3.12"); null when the catalog gives none.</summary>
    [JsonPropertyName("section")] public string? Section { get; init; }
    [JsonPropertyName("interface")] public required string Interface { get; init; }
    [JsonPropertyName("function")] public required string Function { get; init; }
    /// <summary>"smdp" or "euicc".</summary>
    [JsonPropertyName("side")] public required string Side { get; init; }
    [JsonPropertyName("curve")] public string? Curve { get; init; }
    [JsonPropertyName("idSpelledInCatalog")] public bool IdSpelledInCatalog { get; init; }
    [JsonPropertyName("sectionConfirmed")] public bool SectionConfirmed { get; init; }
    /// <summary>The numbered test sequences the catalog lists; empty when it numbers none.</summary>
    [JsonPropertyName("sequences")] public IReadOnlyList<CatalogSequence> Sequences { get; init => field = value ?? []; } = [];
    /// <summary>Cases the catalog describes without a sequence number.</summary>
    [JsonPropertyName("cases")] public IReadOnlyList<string> Cases { get; init => field = value ?? []; } = [];
    /// <summary>Sequences SGP.23 numbers under test cases of their own that this ID folds in (error and retry cases); for reference.</summary>
    [JsonPropertyName("otherSequences")] public IReadOnlyList<CatalogOtherSequence> OtherSequences { get; init => field = value ?? []; } = [];
    /// <summary>Where the sequence numbers were confirmed.</summary>
    [JsonPropertyName("sequenceSource")] public string? SequenceSource { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
}

/// <summary>The SGP.23 catalog: every test case ID the harness tracks.</summary>
public sealed record Sgp23Catalog
{
    [JsonPropertyName("testCases")] public required IReadOnlyList<CatalogTestCase> TestCases { get; init; }

    public static Sgp23Catalog Load(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="InvalidDataException">Not a catalog, or an ID appears twice.</exception>
    public static Sgp23Catalog Parse(string json, string origin = "catalog")
    {
        Sgp23Catalog? catalog;
        try
        {
            catalog = AllureJson.Deserialize<Sgp23Catalog>(System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not a valid SGP.23 catalog: {e.Message}", e);
        }
        if (catalog is null)
        {
            throw new InvalidDataException($"{origin}: empty catalog");
        }
        var duplicate = catalog.TestCases.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{origin}: test case {duplicate.Key} appears {duplicate.Count()} times");
        }
        return catalog;
    }
}
