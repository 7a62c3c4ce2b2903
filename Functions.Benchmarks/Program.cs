using BenchmarkDotNet.Running;
using Pipeline.Functions.Benchmarks;

if (Array.IndexOf(args, "--bench-validate-memory") is var at and >= 0)
{
    ValidateMemoryBench.Run(at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000, Console.Out);
    return;
}

if (args.Contains("--bench"))
{
    LoadQuickBench.Run(Console.Out);
    QuickBench.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ValidateTransformBenchmark).Assembly).Run(args);
