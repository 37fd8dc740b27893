using System.CommandLine;
using Conformance.Cli.Commands;

var root = new RootCommand("RSP conformance harness: SGP.22 consumer RSP tested the way SGP.23 tests it.");
// Commands are added one file each under Commands/.
root.Subcommands.Add(EuiccCommands.Create());
return await root.Parse(args).InvokeAsync();
