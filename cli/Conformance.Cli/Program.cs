using System.CommandLine;
using Conformance.Cli.Commands;

// One file per command under Commands/.
var root = new RootCommand("RSP conformance harness: SGP.22 consumer RSP tested the way SGP.23 tests it.")
{
    PkiCommands.Create(),
    DecodeCommand.Build(),
    EuiccCommands.Create(),
    SmdpCommands.Create(),
};
return await root.Parse(args).InvokeAsync();
