using System.Text;
using System.Text.Json;

namespace Pipeline.Functions.Tests.Loading;

public sealed class RecordFileReaderTests
{
    private const string File = "s3://bucket/incoming/file";

    [Theory]
    [InlineData("[{\"id\":1,\"value\":2},{\"id\":2,\"value\":3}]", "x.json", InputFormat.JsonArray)]
    [InlineData("{\"records\":[{\"id\":1,\"value\":2},{\"id\":2,\"value\":3}]}", "x.json", InputFormat.JsonObject)]
    [InlineData("{\"id\":1,\"value\":2}\n{\"id\":2,\"value\":3}\n", "x.json", InputFormat.Ndjson)]
    [InlineData("{\"id\":1,\"value\":2}\n{\"id\":2,\"value\":3}", "x", InputFormat.Ndjson)]
    [InlineData("id,value\n1,2\n2,3\n", "x.csv", InputFormat.Csv)]
    [InlineData("id,value\r\n1,2\r\n2,3", "x", InputFormat.Csv)]
    public void Read_ShouldDetectFormatFromContent(string content, string key, InputFormat expected)
    {
        var loaded = Read(content, key);

        loaded.Format.Should().Be(expected);
        loaded.RecordCount.Should().Be(2);
    }

    [Fact]
    public void Read_WhenPrettyPrintedRecordsObject_ShouldReadEachRecordWithItsLine()
    {
        var loaded = Read("{\n  \"records\": [\n    {\"id\": 1,\n     \"value\": 2},\n    {\"id\": 2, \"value\": 3}\n  ]\n}\n", "x.json");

        var lines = Envelopes(loaded);
        lines.Select(l => l.GetProperty("line").GetInt64()).Should().Equal(3, 5);
        lines[0].GetProperty("record").GetProperty("value").GetInt32().Should().Be(2);
    }

    [Fact]
    public void Read_WhenSingleObjectWithoutRecords_ShouldReadOneRecord()
    {
        var loaded = Read("{\"id\":\"a\",\"value\":1.5}", "x.json");

        loaded.Format.Should().Be(InputFormat.JsonObject);
        Envelopes(loaded).Single().GetProperty("record").GetProperty("id").GetString().Should().Be("a");
    }

    [Fact]
    public void Read_WhenDeclaredNdjsonWithSingleLine_ShouldReadOneRecord()
    {
        var loaded = Read("{\"records\":[1,2]}\n", "x.ndjson");

        loaded.Format.Should().Be(InputFormat.Ndjson);
        loaded.RecordCount.Should().Be(1);
    }

    [Fact]
    public void Read_WhenContentTypeDeclaresCsv_ShouldReadCsv()
    {
        var loaded = ChunkCollector.Read(Encoding.UTF8.GetBytes("id,value\n1,2\n"), "upload", "text/csv; charset=utf-8", File, 10);

        loaded.Format.Should().Be(InputFormat.Csv);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 3)]
    [InlineData(5, 1)]
    [InlineData(1000, 1)]
    public void Read_ShouldSplitIntoChunksOfAtMostChunkSizeRecords(int chunkSize, int expectedChunks)
    {
        var content = "[" + string.Join(",", Enumerable.Range(1, 5).Select(i => $"{{\"id\":{i},\"value\":{i}}}")) + "]";

        var loaded = ChunkCollector.Read(Encoding.UTF8.GetBytes(content), "x.json", null, File, chunkSize);

        loaded.Chunks.Should().HaveCount(expectedChunks);
        Envelopes(loaded).Select(e => e.GetProperty("index").GetInt64()).Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void Read_WhenCsvHasQuotedFields_ShouldUnquoteThem()
    {
        var loaded = Read("id,value,note\n1,2,\"a, \"\"quoted\"\"\nline\"\n2,3,plain\n", "x.csv");

        var lines = Envelopes(loaded);
        lines[0].GetProperty("fields").GetProperty("note").GetString().Should().Be("a, \"quoted\"\nline");
        lines[1].GetProperty("line").GetInt64().Should().Be(4);
        lines[1].GetProperty("fields").GetProperty("note").GetString().Should().Be("plain");
    }

    [Fact]
    public void Read_WhenUtf8ByteOrderMark_ShouldSkipIt()
    {
        var data = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id,value\n1,2\n")).ToArray();

        var loaded = ChunkCollector.Read(data, "x.csv", null, File, 10);

        Envelopes(loaded).Single().GetProperty("fields").GetProperty("id").GetString().Should().Be("1");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t")]
    public void Read_WhenEmpty_ShouldHaveNoRecordsAndNoChunks(string content)
    {
        var loaded = Read(content, "x.json");

        loaded.Format.Should().Be(InputFormat.Empty);
        loaded.RecordCount.Should().Be(0);
        loaded.Chunks.Should().BeEmpty();
    }

    [Fact]
    public void Read_WhenJsonIsMalformed_ShouldNameLineAndBytePosition()
    {
        var act = () => Read("[\n{\"id\":1,\"value\":2},\n{\"id\":2,\"value\":}\n]", "x.json");

        var error = act.Should().Throw<InvalidInput>().Which;
        error.File.Should().Be(File);
        error.Line.Should().Be(3);
        error.BytePosition.Should().Be(38, "the unexpected } is the 39th byte");
        error.Message.Should().StartWith($"{File} line 3, byte 38: malformed JSON");
    }

    private static LoadedChunks Read(string content, string key) =>
        ChunkCollector.Read(Encoding.UTF8.GetBytes(content), key, null, File, 1000);

    private static List<JsonElement> Envelopes(LoadedChunks loaded) =>
        loaded.Chunks.SelectMany(c => InMemoryPipeline.Lines(Encoding.UTF8.GetString(c))).ToList();
}
