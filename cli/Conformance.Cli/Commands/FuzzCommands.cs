using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>./conformance fuzz smdp|smds|euicc</c>: the long black-box probes whose deterministic subsets run in <c>./conformance test</c>
/// (issues #14, #16). Each sub-command lives in its own file: <see cref="FuzzSmdpCommand"/>, <see cref="FuzzEuiccCommand"/>.
/// </summary>
internal static class FuzzCommands
{
    public static Command Create()
    {
        var fuzz = new Command("fuzz", "Black-box probes of the bundled SM-DP+ and SM-DS (malformed requests) and the emulated eUICC (mutated APDUs through vpcd).");
        fuzz.Subcommands.Add(FuzzSmdpCommand.Create());
        fuzz.Subcommands.Add(FuzzSmdpCommand.CreateSmds());
        fuzz.Subcommands.Add(FuzzEuiccCommand.Create());
        return fuzz;
    }
}
