using System.Text;

namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// The sample files the loading goldens were taken from: those in <c>samples/</c>, and <c>ten-thousand.ndjson</c>, made on
/// demand rather than committed (10,000 valid records <c>{"id":n,"value":v}</c>, the same bytes every time).
/// </summary>
internal static class SampleFiles
{
    public const string TenThousand = "ten-thousand.ndjson";

    public static Task<byte[]> ReadAsync(string name) =>
        name == TenThousand
            ? Task.FromResult(TenThousandRecords())
            : File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "samples", name));

    private static byte[] TenThousandRecords()
    {
        var text = new StringBuilder();
        for (var id = 1; id <= 10_000; id++)
        {
            text.Append("{\"id\":").Append(id).Append(",\"value\":").Append((id * 7919 % 1000) + 1).Append("}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
