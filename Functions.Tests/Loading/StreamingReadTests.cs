using System.Text;
using Pipeline.Functions.Tests.BadInput;

namespace Pipeline.Functions.Tests.Loading;

public sealed class StreamingReadTests
{
    private const string File = "s3://bucket/incoming/file";

    public static TheoryData<string> CaseNames => new(BadInputCases.All.Select(c => c.Name).Concat(MoreFiles.Keys));

    /// <summary>Files whose records, lines and quoted fields cross many read boundaries when read a few bytes at a time.</summary>
    private static Dictionary<string, (string Key, string Content)> MoreFiles { get; } = new()
    {
        ["pretty records object"] = ("a.json", "{\n  \"meta\": {\"n\": [1, 2]},\n  \"records\": [\n    {\"id\": 1,\n     \"value\": 2},\r\n    {\"id\": \"é😀\", \"value\": 3}\n  ],\n  \"after\": true\n}\n"),
        ["one record object"] = ("a.json", "\n\n  {\"id\": 1, \"records\": 5, \"value\": 2, \"x\": [true, false, null]}  \n"),
        ["NDJSON with blank, CRLF and bad lines"] = ("a", "{\"id\":1,\"value\":2}\r\n\r\n  {\"id\":\"ü\",\"value\":3}\n{\"id\":\n\t\n{\"id\":4,\"value\":5}"),
        ["CSV with quotes across lines"] = ("a.csv", "id,value,note\r\n1,2,\"a \"\"b\"\"\r\nc\"\r\n\r\n2,3,\"\"\n3,4,x\"y\n4,5,\"z\"q\n5,6,\"last\"\r"),
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Read_ShouldGiveTheSameChunksOrErrorWhereverTheReadsAndTheBufferEnd(string name)
    {
        var (key, content) = BadInputCases.All.FirstOrDefault(c => c.Name == name) is { } @case
            ? (@case.Key, @case.Content)
            : (MoreFiles[name].Key, Encoding.UTF8.GetBytes(MoreFiles[name].Content));
        var whole = Outcome(new MemoryStream(content), key, bufferBytes: RecordReaderOptions.DefaultBufferBytes);

        foreach (var (bufferBytes, bytesPerRead) in new[] { (1, 1), (2, 3), (7, 2), (16, 5), (64, 64) })
        {
            Outcome(new TrickleStream(content, bytesPerRead), key, bufferBytes).Should().Be(whole, $"reads of {bytesPerRead} bytes into a buffer of {bufferBytes} change nothing");
        }
    }

    [Fact]
    public void Read_WhenARecordIsLongerThanTheBuffer_ShouldReadItWhole()
    {
        var note = new string('n', 5000);
        var content = Encoding.UTF8.GetBytes($"[{{\"id\":1,\"value\":2,\"note\":\"{note}\"}},{{\"id\":2,\"value\":3}}]");

        var loaded = ChunkCollector.Read(new TrickleStream(content, 100), "a.json", null, File, new RecordReaderOptions(10, 8192, BufferBytes: 256));

        loaded.RecordCount.Should().Be(2);
        Encoding.UTF8.GetString(loaded.Chunks.Single()).Should().Contain(note);
    }

    [Theory]
    [InlineData("a.ndjson", "{\"id\":1,\"value\":2}\n{\"id\":2,\"note\":\"#\"}\n", 2, 19, "the line starting here is longer than 1024 bytes, the most one record may take (MAX_RECORD_BYTES)")]
    [InlineData("a.csv", "id,value,note\n1,2,x\n2,3,\"#\"\n", 3, 20, "the row (or a quoted field in it that never closes) starting here is longer than 1024 bytes")]
    [InlineData("a.csv", "id,value,note\n1,2,\"never closes\n#\n", 2, 14, "the row (or a quoted field in it that never closes) starting here is longer than 1024 bytes")]
    [InlineData("a.json", "[\n  {\"id\":1,\"value\":2},\n  {\"id\":2,\"note\":\"#\"}\n]", 3, 26, "the record starting here is longer than 1024 bytes")]
    [InlineData("a.json", "{\"meta\":\"#\",\"records\":[]}", 1, 0, "the object (a record, or what comes before its 'records' array) starting here is longer than 1024 bytes")]
    [InlineData("a.json", "{\"records\":[{\"id\":1,\"value\":2}],\n\"after\":\"#\"}", 2, 33, "the value starting here is longer than 1024 bytes")]
    public void Read_WhenARecordIsLongerThanMaxRecordBytes_ShouldFailNamingWhereItStarts(string key, string template, long line, long at, string problem)
    {
        var content = Encoding.UTF8.GetBytes(template.Replace("#", new string('x', 3000), StringComparison.Ordinal));

        var act = () => ChunkCollector.Read(new MemoryStream(content), key, null, File, new RecordReaderOptions(10, 1024, BufferBytes: 64));

        var error = act.Should().Throw<InvalidInput>().Which;
        (error.Line, error.BytePosition).Should().Be((line, at));
        error.Problem.Should().StartWith(problem);
    }

    [Fact]
    public void Read_WhenTheFirstLineIsLongerThanOneRecordMayTake_ShouldReadTheRecordsObjectOnIt()
    {
        var records = string.Join(",", Enumerable.Range(1, 200).Select(i => $"{{\"id\":{i},\"value\":{i}}}"));
        var content = Encoding.UTF8.GetBytes($"{{\"records\":[{records}]}}\n");

        var loaded = ChunkCollector.Read(new MemoryStream(content), "upload", null, File, new RecordReaderOptions(1000, 1024, BufferBytes: 64));

        loaded.Format.Should().Be(InputFormat.JsonObject);
        loaded.RecordCount.Should().Be(200);
    }

    [Fact]
    public void Read_WhenTheFileStartsWithMoreWhitespaceThanOneRecordMayTake_ShouldFail()
    {
        var content = Encoding.UTF8.GetBytes(new string(' ', 2000) + "[{\"id\":1,\"value\":2}]");

        var act = () => ChunkCollector.Read(new MemoryStream(content), "a.json", null, File, new RecordReaderOptions(10, 1024, BufferBytes: 64));

        act.Should().Throw<InvalidInput>().Which.Problem.Should().Be("the file starts with more than 1024 bytes of whitespace, more than one record may take (MAX_RECORD_BYTES)");
    }

    [Fact]
    public void Read_WhenAJsonLiteralIsMisspelt_ShouldQuoteItUpToTheWrongCharacterOnly()
    {
        var act = () => ChunkCollector.Read(Encoding.UTF8.GetBytes("[{\"id\":1,\"value\":2,\"ok\":tru, \"more\":\"text that follows\"}]"), "a.json", null, File, 10);

        var error = act.Should().Throw<InvalidInput>().Which;
        error.Problem.Should().Be("malformed JSON: 'tru,' is an invalid JSON literal. Expected the literal 'true'.");
        (error.Line, error.BytePosition).Should().Be((1L, 27L));
    }

    [Fact]
    public async Task Read_ShouldHandEachChunkToTheSinkBeforeReadingTheRestOfTheFile()
    {
        var input = new GeneratedRecordsStream(100_000, string.Empty, "{\"id\":\"r0000000000\",\"value\":1}", "\n", "\n");
        var sink = new DeliveredAtEachChunk(input);

        var loaded = await RecordFileReader.ReadAsync(input, "a.ndjson", null, File, new RecordReaderOptions(1000, 4096, BufferBytes: 64 * 1024), sink);

        loaded.ChunkCount.Should().Be(100);
        sink.Delivered.Should().HaveCount(100);
        sink.Delivered[0].Should().BeLessThanOrEqualTo(64 * 1024, "the first chunk is complete within the first buffer");
        sink.Delivered.Should().BeInAscendingOrder().And.Contain(d => d < input.Length / 2);
        sink.Delivered.Zip(sink.Delivered.Skip(1), (a, b) => b - a).Max().Should().BeLessThanOrEqualTo(2 * 64 * 1024, "no chunk waits for more than the next buffer or two");
    }

    private static string Outcome(Stream input, string key, int bufferBytes)
    {
        try
        {
            var loaded = ChunkCollector.Read(input, key, null, File, new RecordReaderOptions(2, LoadBatchSettings.DefaultMaxRecordBytes, bufferBytes));
            return $"{loaded.Format} {loaded.RecordCount}\n{string.Join("---\n", loaded.Chunks.Select(Encoding.UTF8.GetString))}";
        }
        catch (InvalidInput error)
        {
            return $"{error.File} {error.Line} {error.BytePosition} {error.Problem}";
        }
    }
}
