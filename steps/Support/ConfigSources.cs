using System.Text.Json;

namespace Conformance.Steps.Support;

/// <summary>One setting of a run: its key (as in the JSON files), its ./conformance run flag and its environment variable.</summary>
public sealed record Setting(string Key, string? Flag, string Env, string Description);

/// <summary>A value and where it came from ("--smdp", "CONFORMANCE_SMDP", "smdp in run.json").</summary>
public sealed record SettingValue(string Value, string Origin);

/// <summary>
/// The sources of a run's settings, read in order: the flags of ./conformance run (a JSON file it writes,
/// named by CONFORMANCE_FLAGS), environment variables, then the JSON file of --config (or CONFORMANCE_CONFIG).
/// </summary>
public sealed class ConfigSources
{
    public const string FlagsVariable = "CONFORMANCE_FLAGS";
    public const string ConfigVariable = "CONFORMANCE_CONFIG";

    private readonly Dictionary<string, string> _flags;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<string, string> _file;
    private readonly string? _fileName;

    public ConfigSources(IReadOnlyDictionary<string, string> flags, Func<string, string?> environment, IReadOnlyDictionary<string, string>? file = null, string? fileName = null)
    {
        _flags = new(flags, StringComparer.Ordinal);
        _environment = environment;
        _file = file is null ? [] : new(file, StringComparer.Ordinal);
        _fileName = fileName;
    }

    /// <summary>The sources of this process: CONFORMANCE_FLAGS, the environment, and the config file they name.</summary>
    public static ConfigSources FromProcess() => From(Environment.GetEnvironmentVariable);

    public static ConfigSources From(Func<string, string?> environment)
    {
        string? flagsPath = environment(FlagsVariable);
        var flags = flagsPath is { Length: > 0 } ? ReadJson(flagsPath, FlagsVariable) : [];
        string? configPath = flags.GetValueOrDefault("config") ?? environment(ConfigVariable);
        string configOrigin = flags.ContainsKey("config") ? "--config" : ConfigVariable;
        var file = configPath is { Length: > 0 } ? ReadJson(configPath, configOrigin) : null;
        return new ConfigSources(flags, environment, file, configPath is null ? null : Path.GetFileName(configPath));
    }

    /// <summary>The first value found for the setting, or null.</summary>
    public SettingValue? Get(Setting setting)
    {
        if (_flags.TryGetValue(setting.Key, out string? flag))
        {
            return new(flag, setting.Flag ?? $"{setting.Key} (flags)");
        }

        if (_environment(setting.Env) is { Length: > 0 } env)
        {
            return new(env, setting.Env);
        }

        return _file.TryGetValue(setting.Key, out string? value) ? new(value, $"\"{setting.Key}\" in {_fileName}") : null;
    }

    /// <summary>Keys of the config file that name no setting (usually a typo).</summary>
    public IEnumerable<string> UnknownFileKeys(IEnumerable<Setting> known)
    {
        var keys = known.Select(s => s.Key).Append("config").ToHashSet(StringComparer.Ordinal);
        return _file.Keys.Concat(_flags.Keys).Where(k => !keys.Contains(k) && !k.StartsWith('$'));
    }

    public string? FileName => _fileName;

    /// <summary>Reads a flat JSON object: strings, numbers and booleans as text, arrays of strings joined by commas.</summary>
    public static Dictionary<string, string> ReadJson(string path, string origin)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"The configuration file {path} (from {origin}) cannot be read: {e.Message}", e);
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"The configuration file {path} (from {origin}) must hold one JSON object of settings.");
            }

            return doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .ToDictionary(p => p.Name, p => Text(p.Value, p.Name, path), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"The configuration file {path} (from {origin}) is not valid JSON: {e.Message}", e);
        }
    }

    private static string Text(JsonElement e, string name, string path) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array when e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
            string.Join(",", e.EnumerateArray().Select(i => i.GetString())),
        _ => throw new ConfigException($"Setting \"{name}\" in {path} must be a string, a number or a list of strings, not {e.ValueKind}."),
    };
}
