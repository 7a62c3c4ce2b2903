using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Benchmarks;

/// <summary>
/// The <c>--bench-validate-memory [N]</c> mode: Validate over N records (10,000,000 by default), made one chunk at a
/// time in LoadBatch's envelope shape so that only the validator's own memory grows, printing what it holds once every id has been seen and the
/// process's peak resident memory: the figure that decides the Validate function's memory setting for large files.
/// </summary>
public static class ValidateMemoryBench
{
    private static readonly SourceObject Source = new("bench-bucket", "incoming/bench.ndjson", "0123456789abcdef0123456789abcdef");

    public static void Run(int records, TextWriter output)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        using var validator = new RecordValidator(Source, records);
        using var valid = new NdjsonWriter(256 * 1024);
        using var invalid = new NdjsonWriter(256 * 1024);
        var chunk = new StringBuilder(LoadBatchSettings.DefaultChunkSize * 40);
        for (var start = 0; start < records; start += LoadBatchSettings.DefaultChunkSize)
        {
            chunk.Clear();
            for (var i = start; i < Math.Min(records, start + LoadBatchSettings.DefaultChunkSize); i++)
            {
                chunk.Append("{\"index\":").Append(i).Append(",\"line\":").Append(i + 1).Append(",\"record\":{\"id\":").Append(i).Append(",\"value\":").Append(i % 1000).Append("}}\n");
            }

            valid.Clear();
            invalid.Clear();
            foreach (var line in new NdjsonLines(Encoding.UTF8.GetBytes(chunk.ToString())))
            {
                if (!line.IsEmpty)
                {
                    validator.Validate(line, valid, invalid);
                }
            }
        }

        validator.RequireTotal(records);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"records:       {records:N0} ({validator.ValidCount:N0} valid) in {clock.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(culture, $"held by Validate once every id is seen: {held / 1_048_576.0:F1} MiB ({held / (double)records:F1} bytes per record)"));
        output.WriteLine(string.Create(culture, $"peak resident memory of the process:   {process.PeakWorkingSet64 / 1_048_576.0:F1} MiB"));
    }
}
