using System.Text;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Loading;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Benchmarks;

/// <summary>
/// A file of N records already loaded into chunk objects (as LoadBatch leaves them), and the
/// Validate + Transform work the handlers do over them, without S3: every record is validated into
/// a valid or invalid chunk, and every valid chunk is transformed into item lines.
/// </summary>
public sealed class RecordWorkload
{
    private static readonly SourceObject Source = new("bench-bucket", "incoming/bench.ndjson", "0123456789abcdef0123456789abcdef");

    public RecordWorkload(int recordCount, int chunkSize = LoadBatchSettings.DefaultChunkSize)
    {
        var text = new StringBuilder(recordCount * 80);
        for (var i = 0; i < recordCount; i++)
        {
            // One record in a hundred lacks its value, so the invalid path is exercised too.
            var value = i % 100 == 99 ? string.Empty : $",\"value\":{i % 1000}.{i % 97}";
            text.Append("{\"id\":").Append(i).Append(value).Append(",\"name\":\"item-").Append(i).Append("\",\"tags\":[\"a\",\"b\"],\"active\":true}\n");
        }

        var data = Encoding.UTF8.GetBytes(text.ToString());
        InputBytes = data.LongLength;
        var chunks = new ChunkCollector();
        var options = new RecordReaderOptions(chunkSize, LoadBatchSettings.DefaultMaxRecordBytes);
        RecordFileReader.ReadAsync(new MemoryStream(data, writable: false), Source.Key, null, "bench", options, chunks).GetAwaiter().GetResult();
        Chunks = chunks.Chunks;
        RecordCount = recordCount;
    }

    public int RecordCount { get; }

    public long InputBytes { get; }

    public IReadOnlyList<byte[]> Chunks { get; }

    /// <summary>Runs Validate then Transform over every chunk; returns (valid, invalid).</summary>
    public (int Valid, int Invalid) Run()
    {
        using var validator = new RecordValidator(Source, RecordCount);
        var transformer = new RecordTransformer(Source, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var valid = new NdjsonWriter(256 * 1024);
        using var invalid = new NdjsonWriter(256 * 1024);
        using var items = new NdjsonWriter(512 * 1024);
        foreach (var chunk in Chunks)
        {
            valid.Clear();
            foreach (var line in new NdjsonLines(chunk))
            {
                if (!line.IsEmpty)
                {
                    validator.Validate(line, valid, invalid);
                }
            }

            items.Clear();
            foreach (var line in new NdjsonLines(valid.WrittenMemory.Span))
            {
                if (!line.IsEmpty)
                {
                    transformer.Transform(line, items);
                }
            }
        }

        validator.RequireTotal(RecordCount);
        return (validator.ValidCount, validator.InvalidCount);
    }
}
