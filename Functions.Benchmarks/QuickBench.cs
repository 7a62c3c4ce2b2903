using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Functions.Benchmarks;

/// <summary>
/// The <c>--bench</c> mode: one warm-up pass, then Validate + Transform over 1,000,000 in-memory
/// records on the calling thread, printing records per second and bytes allocated per record.
/// </summary>
public static class QuickBench
{
    public const int Records = 1_000_000;

    public static void Run(TextWriter output)
    {
        Console.Error.WriteLine($"preparing {Records:N0} records...");
        var workload = new RecordWorkload(Records);
        new RecordWorkload(50_000).Run();
        workload.Run();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var (valid, invalid) = workload.Run();
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"records:            {Records:N0} ({valid:N0} valid, {invalid:N0} invalid), {workload.InputBytes / (1024.0 * 1024.0):F1} MiB of input"));
        output.WriteLine(string.Create(culture, $"elapsed:            {seconds:F3} s on one thread"));
        output.WriteLine(string.Create(culture, $"records per second: {Records / seconds:N0} (wall clock)"));
        output.WriteLine(string.Create(culture, $"records per CPU s:  {Records / cpuSeconds:N0} (process CPU time {cpuSeconds:F3} s, GC included; differs from wall clock when the machine is busy)"));
        output.WriteLine(string.Create(culture, $"bytes allocated:    {allocated / (double)Records:F1} per record ({allocated:N0} in total)"));
    }
}
