using BenchmarkDotNet.Attributes;

namespace Pipeline.Functions.Benchmarks;

/// <summary>Validate + Transform over 100,000 in-memory records; results are per record.</summary>
[MemoryDiagnoser]
public class ValidateTransformBenchmark
{
    private const int Records = 100_000;

    private RecordWorkload? workload;

    [GlobalSetup]
    public void Setup() => workload = new RecordWorkload(Records);

    [Benchmark(OperationsPerInvoke = Records)]
    public int ValidateAndTransform() => workload!.Run().Valid;
}
