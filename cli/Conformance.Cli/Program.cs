return await Conformance.Cli.CliApp.RunAsync(args);
