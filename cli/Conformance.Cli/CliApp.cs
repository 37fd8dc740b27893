using System.CommandLine;
using Conformance.Cli.Commands;

namespace Conformance.Cli;

/// <summary>The command tree behind ./conformance; one file per command under Commands/.</summary>
internal static class CliApp
{
    public static RootCommand Root() => new("RSP conformance harness: SGP.22 consumer RSP tested the way SGP.23 tests it.")
    {
        PkiCommands.Create(),
        DecodeCommand.Build(),
        BppCommands.Create(),
        EuiccCommands.Create(),
        SmdpCommands.Create(),
        FuzzCommands.Create(),
    };

    /// <summary>Parses the arguments. "@file" is decode's own input syntax, so response files are off.</summary>
    public static ParseResult Parse(string[] args) =>
        Root().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
}
