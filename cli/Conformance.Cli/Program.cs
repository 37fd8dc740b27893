return await Conformance.Cli.CliApp.Parse(args).InvokeAsync();
