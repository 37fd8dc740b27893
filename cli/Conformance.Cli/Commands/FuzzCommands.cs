using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance fuzz smdp|euicc</c>: the long black-box probes whose deterministic subsets run in <c>./conformance test</c>
/// (issue #14). Each sub-command lives in its own file: <see cref="FuzzSmdpCommand"/>, <see cref="FuzzEuiccCommand"/>.
/// </summary>
internal static class FuzzCommands
{
    public static Command Create()
    {
        var fuzz = new Command("fuzz", "Black-box probes of the bundled SM-DP+ (malformed requests) and the emulated eUICC (mutated APDUs through vpcd).");
        fuzz.Subcommands.Add(FuzzSmdpCommand.Create());
        fuzz.Subcommands.Add(FuzzEuiccCommand.Create());
        return fuzz;
    }
}
