using Masip.Cli;

return await MasipCli.RunAsync(args, CliEnvironment.FromProcess());
