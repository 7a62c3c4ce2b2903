using System.Diagnostics;
using System.Globalization;
using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Benchmarks;

/// <summary>
/// The load part of <c>--bench</c>: per format, warm-up passes over 50,000 records, then the streaming reader over 100,000 and 1,000,000
/// in-memory records into a sink that drops the chunks, printing records and megabytes per second and bytes allocated per record.
/// </summary>
public static class LoadQuickBench
{
    // Enough calls for the tiered JIT to have optimised the readers before anything is timed.
    private const int WarmUpPasses = 40;

    private static readonly int[] Sizes = [100_000, 1_000_000];

    public static void Run(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var formats = new[] { InputFormat.Ndjson, InputFormat.JsonArray, InputFormat.Csv };
        foreach (var format in formats)
        {
            var warmUp = new LoadWorkload(format, 50_000);
            for (var i = 0; i < WarmUpPasses; i++)
            {
                warmUp.Run();
            }
        }

        foreach (var format in formats)
        {
            foreach (var records in Sizes)
            {
                Console.Error.WriteLine($"preparing {records:N0} {format} records...");
                var workload = new LoadWorkload(format, records);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var stopwatch = Stopwatch.StartNew();
                var loaded = workload.Run();
                stopwatch.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                if (loaded.RecordCount != records)
                {
                    throw new InvalidOperationException($"read {loaded.RecordCount} of {records} records");
                }

                var seconds = stopwatch.Elapsed.TotalSeconds;
                var megabytes = workload.InputBytes / (1024.0 * 1024.0);
                output.WriteLine(string.Create(
                    culture,
                    $"load {format,-9} {records,9:N0} records, {megabytes,6:F1} MiB: {seconds,6:F3} s, {records / seconds,11:N0} records/s, {megabytes / seconds,6:F1} MiB/s, {allocated / (double)records,6:F1} bytes allocated per record"));
            }
        }
    }
}
