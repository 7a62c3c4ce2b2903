using BenchmarkDotNet.Attributes;
using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Benchmarks;

/// <summary>LoadBatch's streaming reader over a whole file held in memory, chunks dropped; results are per file.</summary>
[MemoryDiagnoser]
public class LoadBenchmark
{
    private LoadWorkload? workload;

    [Params(100_000, 1_000_000)]
    public int Records { get; set; }

    [Params(InputFormat.Ndjson, InputFormat.JsonArray, InputFormat.Csv)]
    public InputFormat Format { get; set; }

    [GlobalSetup]
    public void Setup() => workload = new LoadWorkload(Format, Records);

    [Benchmark]
    public int Load() => workload!.Run().RecordCount;
}
