using System.Globalization;
using System.Text;

namespace Conformance.Benchmarks.Download;

/// <summary>A wrong option or value of a benchmark command: one sentence on stderr, exit code 2 (no stack trace).</summary>
internal sealed class BenchUsageException(string message) : Exception(message);

/// <summary>One option of a benchmark command: <c>--name VALUE</c>.</summary>
internal sealed record BenchOption(string Name, string Value, string Description);

/// <summary>
/// The <c>--name VALUE</c> (or <c>--name=VALUE</c>) options of a benchmark command, from a fixed table: an option not in
/// the table, a missing value or a value of the wrong kind is a <see cref="BenchUsageException"/> before anything runs.
/// </summary>
internal sealed class BenchOptions
{
    private readonly string _command;
    private readonly Dictionary<string, string> _values;

    private BenchOptions(string command, Dictionary<string, string> values)
    {
        _command = command;
        _values = values;
    }

    /// <summary>True when the arguments ask for help (<c>--help</c>, <c>-h</c>, <c>-?</c>).</summary>
    public static bool WantsHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>The usage line and one line per option.</summary>
    public static string Help(string command, IReadOnlyList<BenchOption> table)
    {
        var text = new StringBuilder().Append("usage: ./conformance bench ").Append(command).AppendLine(" [options]");
        int width = table.Max(o => o.Name.Length + o.Value.Length) + 5;
        foreach (BenchOption o in table)
        {
            text.Append("  ").Append($"--{o.Name} {o.Value}".PadRight(width)).AppendLine(o.Description);
        }
        return text.Append("  ").Append("-h, --help".PadRight(width)).AppendLine("this help").ToString();
    }

    /// <exception cref="BenchUsageException">An unknown option, or an option without its value.</exception>
    public static BenchOptions Parse(string command, IReadOnlyList<BenchOption> table, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : "";
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            if (name.Length == 0 || !table.Any(o => o.Name == name))
            {
                string known = string.Join(", ", table.Select(o => "--" + o.Name));
                throw new BenchUsageException(arg.StartsWith('-')
                    ? $"unknown option '{arg}' (it takes {known}; see ./conformance bench {command} --help)"
                    : $"unexpected argument '{arg}' (it takes {known}; see ./conformance bench {command} --help)");
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new BenchUsageException($"--{name} needs a value ({table.First(o => o.Name == name).Value})");
                }
                value = args[++i];
            }
            values[name] = value;
        }
        return new BenchOptions(command, values);
    }

    /// <summary>A whole number of at least <paramref name="min"/>, or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="BenchUsageException">Not a whole number, or below <paramref name="min"/>.</exception>
    public int Int(string name, int fallback, int min)
    {
        if (!_values.TryGetValue(name, out string? text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw new BenchUsageException($"--{name} must be a whole number of at least {min}, got '{text}' (see ./conformance bench {_command} --help)");
    }

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="BenchUsageException">Another value.</exception>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        if (!_values.TryGetValue(name, out string? text))
        {
            return fallback;
        }
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new BenchUsageException($"--{name} must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}, got '{text}'");
    }

    /// <summary>The value given.</summary>
    /// <exception cref="BenchUsageException">Not given.</exception>
    public string Required(string name) =>
        _values.TryGetValue(name, out string? text) && text.Length > 0 ? text : throw new BenchUsageException($"--{name} is required");
}
