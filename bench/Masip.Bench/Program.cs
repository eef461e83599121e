return await Masip.Bench.BenchSuite.RunFromCommandLineAsync(args);
