using System.Text.Json;
using Conformance.Euicc.Faults;
using Conformance.SmDs;
using Conformance.SmdpPlus;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// One entry of fixtures/defects/smdp.json or euicc.json: switching <see cref="Defect"/> on in the bundled
/// reference must make at least one scenario selected by <see cref="Tags"/> fail with a message containing
/// <see cref="Expect"/> (the rule broken, e.g. "§2.6.4").
/// </summary>
public sealed record DefectEntry(string Side, string Defect, string Tags, string Expect, string? Note)
{
    /// <summary>The setting that switches the defect on (CONFORMANCE_SMDP_DEFECTS, CONFORMANCE_EUICC_DEFECTS or CONFORMANCE_SMDS_DEFECTS).</summary>
    public string Variable => Side switch
    {
        DefectFixtures.Smdp => Settings.SmdpDefects.Env,
        DefectFixtures.Smds => Settings.SmdsDefects.Env,
        _ => Settings.EuiccDefects.Env,
    };

    public override string ToString() => $"{Side} {Defect}";
}

/// <summary>Reads and checks fixtures/defects/*.json (README, "Proving the harness catches defects").</summary>
public static class DefectFixtures
{
    public const string Smdp = "smdp";
    public const string Euicc = "euicc";
    public const string Smds = "smds";

    public static string Directory => Path.Combine(RepoPaths.Root, "fixtures", "defects");

    public static string FileOf(string side) => Path.Combine(Directory, side + ".json");

    /// <summary>Every entry of the three files, in file order.</summary>
    public static IReadOnlyList<DefectEntry> All() => [.. Load(Smdp), .. Load(Euicc), .. Load(Smds)];

    /// <summary>
    /// The entries ./conformance defects asked for: DEFECTS_SIDE (smdp, euicc or all) and DEFECTS_ONLY (a
    /// defect name); unset, all of them (as in ./conformance test).
    /// </summary>
    public static IReadOnlyList<DefectEntry> Chosen()
    {
        string side = Environment.GetEnvironmentVariable("DEFECTS_SIDE") is { Length: > 0 } s ? s : "all";
        string? only = Environment.GetEnvironmentVariable("DEFECTS_ONLY") is { Length: > 0 } o ? o : null;
        return All().Where(e => (side == "all" || e.Side == side) && (only is null || e.Defect == only)).ToList();
    }

    /// <summary>The entries of one file; a malformed file or entry is an <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyList<DefectEntry> Load(string side, string? directory = null)
    {
        string path = Path.Combine(directory ?? Directory, side + ".json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        if (!doc.RootElement.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} has no \"entries\" array");
        }

        var list = new List<DefectEntry>();
        int index = 0;
        foreach (JsonElement e in entries.EnumerateArray())
        {
            string where = $"{Path.GetFileName(path)} entry {index++}";
            string Field(string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0
                ? v.GetString()!.Trim() : throw new InvalidDataException($"{where} has no \"{name}\" string");
            var entry = new DefectEntry(side, Field("defect"), Field("tags"), Field("expect"),
                e.TryGetProperty("note", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null);
            Check(entry, where);
            list.Add(entry);
        }

        return list;
    }

    private static void Check(DefectEntry e, string where)
    {
        bool known = e.Side switch
        {
            Smdp => Enum.TryParse<SmdpDefect>(e.Defect, false, out _),
            Smds => Enum.TryParse<SmdsDefect>(e.Defect, false, out _),
            _ => Enum.TryParse<EuiccDefect>(e.Defect, false, out _),
        };
        if (!known || int.TryParse(e.Defect, out _))
        {
            string names = string.Join(", ", e.Side switch
            {
                Smdp => Enum.GetNames<SmdpDefect>(),
                Smds => Enum.GetNames<SmdsDefect>(),
                _ => Enum.GetNames<EuiccDefect>(),
            });
            throw new InvalidDataException($"{where}: '{e.Defect}' is not a defect name; known: {names}");
        }

        try
        {
            TagExpression.Parse(e.Tags);
        }
        catch (FormatException x)
        {
            throw new InvalidDataException($"{where}: tags '{e.Tags}' is not a tag expression ({x.Message})");
        }
    }
}
