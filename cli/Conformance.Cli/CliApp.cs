using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Conformance.Cli.Commands;

namespace Conformance.Cli;

/// <summary>The command tree behind ./conformance; one file per command under Commands/.</summary>
internal static partial class CliApp
{
    public static RootCommand Root() => new("RSP conformance harness: SGP.22 consumer RSP tested the way SGP.23 tests it.")
    {
        PkiCommands.Create(),
        DecodeCommand.Build(),
        BppCommands.Create(),
        EuiccCommands.Create(),
        SmdpCommands.Create(),
        SmdsCommands.Create(),
        FuzzCommands.Create(),
    };

    /// <summary>Parses the arguments. "@file" is decode's own input syntax, so response files are off.</summary>
    public static ParseResult Parse(string[] args) =>
        Root().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>
    /// Parses and runs a command. A wrong argument (unknown option, missing or bad value, missing sub-command) is one
    /// sentence on stderr and exit code 2, not System.CommandLine's usage block; <c>--help</c> still prints the help.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        ParseResult parse = Parse(args);
        if (ArgumentError(parse) is { } error)
        {
            await (configuration?.Error ?? Console.Error).WriteLineAsync(error);
            return 2;
        }
        // SIGTERM / Ctrl-C: a serve command stops its server within its own budget (5 s); System.CommandLine's default of
        // 2 s before it ends the process with 143 was too short on a loaded 2-core machine.
        return await parse.InvokeAsync(configuration ?? new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
    }

    /// <summary>The one line that says what is wrong with the arguments, or null when they parse (or help is asked for).</summary>
    internal static string? ArgumentError(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Action is HelpAction)
        {
            return null;
        }
        string path = CommandPath(parse.CommandResult);
        string help = path.Length == 0 ? "see ./conformance help" : $"see ./conformance {path} --help";
        string where = path.Length == 0 ? "" : $" for '{path}'";
        // An unknown option where a command takes an argument (decode --x, bpp decrypt ... --x) becomes that argument.
        string? optionLike = parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens).Select(t => t.Value).FirstOrDefault(v => v.Length > 1 && v.StartsWith('-'));
        string? unmatched = parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null;
        if (optionLike is not null || unmatched?.StartsWith('-') == true)
        {
            return $"error: unknown option '{unmatched ?? optionLike}'{where}: {help}";
        }
        if (parse.Action is not ParseErrorAction)
        {
            return null;
        }
        if (unmatched is not null)
        {
            return $"error: unexpected argument '{unmatched}'{where}: {help}";
        }
        Command command = parse.CommandResult.Command;
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"error: '{path}' needs a command, one of {string.Join(", ", command.Subcommands.Select(c => c.Name))}: {help}";
        }
        string message = parse.Errors.Count == 0 ? "the arguments are not understood" : OneLine(parse.Errors[0].Message, command);
        return path.Length == 0 ? $"error: {message}; {help}" : $"error: {path}: {message}; {help}";
    }

    /// <summary>"pki check" for the command the parse ended in (the root's name left out).</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command: not RootCommand } c)
            {
                names.Insert(0, c.Command.Name);
            }
        }
        return string.Join(' ', names);
    }

    /// <summary>A System.CommandLine message as part of a sentence: one line, no final period, no CLR type name.</summary>
    private static string OneLine(string message, Command command)
    {
        string line = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        if (CannotParse().Match(line) is { Success: true } bad)
        {
            line = $"'{bad.Groups["value"].Value}' is not a valid value for {bad.Groups["kind"].Value} '{bad.Groups["name"].Value}'";
        }
        else if (NotAmong().Match(line) is { Success: true } among)
        {
            line = $"'{among.Groups["value"].Value}' is not one of {string.Join(", ", among.Groups["allowed"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))}";
        }
        else if (line.StartsWith("Required argument missing", StringComparison.Ordinal) && Regex.Match(line, "option: '(?<name>[^']+)'") is { Success: true } option)
        {
            line = $"option '{option.Groups["name"].Value}' needs a value";
        }
        else if (line.StartsWith("Required argument missing", StringComparison.Ordinal) && command.Arguments.Count > 0)
        {
            line = $"the argument {string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"))} is missing";
        }
        return line.Length > 1 && char.IsUpper(line[0]) && !char.IsUpper(line[1]) ? char.ToLowerInvariant(line[0]) + line[1..] : line;
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (?<kind>option|command|argument) '(?<name>[^']*)' as expected type '[^']*'$")]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Argument '(?<value>.*)' not recognized\\. Must be one of: (?<allowed>.*)$")]
    private static partial Regex NotAmong();
}
