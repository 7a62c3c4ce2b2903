using System.Globalization;
using System.Text;

namespace Pipeline.Local.Runner;

/// <summary>Deterministic NDJSON files of valid records, for samples and the benchmark.</summary>
public static class SampleRecords
{
    /// <summary>Writes <paramref name="count"/> records <c>{"id":n,"value":…}</c> (n = 1…count) to <paramref name="path"/>.</summary>
    public static void WriteNdjson(string path, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        for (var id = 1; id <= count; id++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"value\":{(id * 7919 % 1000) + 1}}}"));
        }
    }
}
