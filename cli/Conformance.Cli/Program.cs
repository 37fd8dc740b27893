using System.CommandLine;

var root = new RootCommand("RSP conformance harness: SGP.22 consumer RSP tested the way SGP.23 tests it.");
// Commands are added one file each under Commands/.
return await root.Parse(args).InvokeAsync();
