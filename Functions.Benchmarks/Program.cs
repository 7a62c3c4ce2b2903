using BenchmarkDotNet.Running;
using Pipeline.Functions.Benchmarks;

if (args.Contains("--bench"))
{
    LoadQuickBench.Run(Console.Out);
    QuickBench.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ValidateTransformBenchmark).Assembly).Run(args);
