using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary><c>./conformance fuzz euicc --apdus N</c>: mutated APDUs to the emulated eUICC through vpcd (to be written).</summary>
internal static class FuzzEuiccCommand
{
    public static Command Create()
    {
        var command = new Command("euicc", "Send N mutated APDUs to the emulated eUICC through pcscd and vpcd and check every answer.");
        command.SetAction((_, _) => CliRunner.Run(() => throw new CliError("fuzz euicc is not written yet")));
        return command;
    }
}
