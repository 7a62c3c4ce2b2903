using System.Diagnostics;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests.Loading;

[Collection(StreamingMemoryCollection.Name)]
public sealed class StreamingMemoryTests(ITestOutputHelper output)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Read buffer, one chunk being built and the reader's own objects come to about 1 MiB; the rest is margin.</summary>
    private const long RetainedBound = 16 * Megabyte;

    public static TheoryData<string, long, string, string, string, string, string> Files => new()
    {
        { "big.ndjson", 3_000_000, string.Empty, "{\"id\":\"r0000000000\",\"value\":12.5,\"name\":\"generated record\",\"tags\":[\"a\",\"b\"],\"ok\":true}", "\n", "\n", "Ndjson" },
        { "big.json", 2_000_000, "[\n", "  {\"id\":\"r0000000000\",\"value\":12.5,\"name\":\"generated record\",\"tags\":[\"a\",\"b\"]}", ",\n", "\n]\n", "JsonArray" },
        { "big.csv", 2_000_000, "id,value,name,note\n", "r0000000000,12.5,generated record,\"quoted, with a\nline break\"", "\n", "\n", "Csv" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadingAFileHundredsOfMegabytesLong_ShouldHoldMemoryBoundedByBufferAndChunkNotByFile(
        string key, long records, string prefix, string template, string separator, string suffix, string format)
    {
        var input = new GeneratedRecordsStream(records, prefix, template, separator, suffix);
        var sink = new RetainedMemorySink(sampleEvery: 100);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();

        var loaded = await RecordFileReader.ReadAsync(input, key, null, $"s3://bucket/{key}", new RecordReaderOptions(1000, LoadBatchSettings.DefaultMaxRecordBytes), sink);

        stopwatch.Stop();
        var retained = sink.PeakRetainedBytes - before;
        output.WriteLine($"{key}: {input.Length / Megabyte} MiB, {loaded.RecordCount:N0} records in {stopwatch.Elapsed.TotalSeconds:F1} s; " +
            $"peak retained {retained / 1024.0:N0} KiB above the {before / 1024.0:N0} KiB before reading, over {sink.Samples} samples");
        loaded.Format.ToString().Should().Be(format);
        loaded.RecordCount.Should().Be((int)records);
        loaded.ChunkCount.Should().Be((int)(records / 1000));
        input.Delivered.Should().Be(input.Length, "the whole file was read");
        input.Length.Should().BeGreaterThan(100 * Megabyte);
        sink.Samples.Should().BeGreaterThan(10);
        retained.Should().BeLessThan(RetainedBound, $"a {input.Length / Megabyte} MiB file must not be held in memory");
    }
}
