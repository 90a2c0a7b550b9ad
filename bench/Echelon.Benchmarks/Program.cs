using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Echelon.Benchmarks.LimRpsStepBenchmarks).Assembly).Run(args);
