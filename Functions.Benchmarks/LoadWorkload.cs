using System.Globalization;
using System.Text;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Benchmarks;

/// <summary>A file of N records in one format, held in memory, and LoadBatch's reading of it into chunks that are dropped.</summary>
public sealed class LoadWorkload
{
    private readonly byte[] data;
    private readonly string key;

    public LoadWorkload(InputFormat format, int recordCount)
    {
        Format = format;
        RecordCount = recordCount;
        (data, key) = format switch
        {
            InputFormat.Ndjson => (Build(recordCount, string.Empty, "\n", string.Empty, JsonRecord), "incoming/bench.ndjson"),
            InputFormat.JsonArray => (Build(recordCount, "[\n", ",\n", "\n]\n", JsonRecord), "incoming/bench.json"),
            InputFormat.Csv => (Build(recordCount, "id,value,name,active\n", "\n", "\n", CsvRow), "incoming/bench.csv"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no workload for this format"),
        };
    }

    public InputFormat Format { get; }

    public int RecordCount { get; }

    public long InputBytes => data.LongLength;

    public LoadedFile Run()
    {
        var options = new RecordReaderOptions(LoadBatchSettings.DefaultChunkSize, LoadBatchSettings.DefaultMaxRecordBytes);
        var reading = RecordFileReader.ReadAsync(new MemoryStream(data, writable: false), key, null, "bench", options, new DiscardingSink());
        return reading.GetAwaiter().GetResult();
    }

    private static string JsonRecord(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"value\":{i % 1000}.{i % 97},\"name\":\"item-{i}\",\"tags\":[\"a\",\"b\"],\"active\":true}}");

    private static string CsvRow(int i) => string.Create(CultureInfo.InvariantCulture, $"{i},{i % 1000}.{i % 97},\"item, {i}\",true");

    private static byte[] Build(int count, string start, string separator, string end, Func<int, string> record)
    {
        var text = new StringBuilder(count * 80).Append(start);
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : separator).Append(record(i));
        }

        return Encoding.UTF8.GetBytes(text.Append(end).ToString());
    }
}
