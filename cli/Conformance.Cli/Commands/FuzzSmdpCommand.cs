using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary><c>./conformance fuzz smdp --requests N</c>: malformed requests against the bundled SM-DP+ (to be written).</summary>
internal static class FuzzSmdpCommand
{
    public static Command Create()
    {
        var command = new Command("smdp", "Send N malformed requests to a bundled SM-DP+ and check every answer.");
        command.SetAction((_, _) => CliRunner.Run(() => throw new CliError("fuzz smdp is not written yet")));
        return command;
    }
}
