using System.Text;
using System.Text.Json;

namespace Pipeline.Functions.Tests.Processing;

public sealed class RecordTransformerTests
{
    private static readonly SourceObject Source = new("bucket", "incoming/data.json", "\"etag1\"");
    private static readonly DateTimeOffset IngestedAt = new(2025, 3, 1, 12, 30, 15, 250, TimeSpan.FromHours(2));

    [Fact]
    public void Transform_ShouldMultiplyValueByTenAndAddKeysAndLineage()
    {
        var item = TransformOne("{\"index\":4,\"line\":7,\"id\":\"42\",\"value\":20,\"fields\":{\"name\":\"a\"}}");

        item.GetProperty("pk").GetString().Should().Be("RECORD#42");
        item.GetProperty("sk").GetString().Should().Be("RECORD");
        item.GetProperty("id").GetString().Should().Be("42");
        item.GetProperty("value").GetRawText().Should().Be("20");
        item.GetProperty("processed_value").GetRawText().Should().Be("200");
        item.GetProperty("fields").GetProperty("name").GetString().Should().Be("a");
        item.GetProperty("source_bucket").GetString().Should().Be("bucket");
        item.GetProperty("source_key").GetString().Should().Be("incoming/data.json");
        item.GetProperty("source_etag").GetString().Should().Be("etag1");
        item.GetProperty("source_record").GetInt64().Should().Be(5);
        item.GetProperty("source_line").GetInt64().Should().Be(7);
        item.GetProperty("ingested_at").GetString().Should().Be("2025-03-01T10:30:15.250Z");
    }

    [Fact]
    public void Transform_WhenValueIsLargeOrFractional_ShouldStayExact()
    {
        var item = TransformOne("{\"index\":0,\"line\":1,\"id\":\"x\",\"value\":1234567890123456789012345.678,\"fields\":{}}");

        item.GetProperty("processed_value").GetRawText().Should().Be("12345678901234567890123456.78");
        item.TryGetProperty("fields", out _).Should().BeFalse("a record without other fields gets no empty map");
    }

    [Fact]
    public void Transform_WhenIdHasEscapes_ShouldUseTheDecodedIdInTheKey()
    {
        var item = TransformOne("{\"index\":0,\"line\":1,\"id\":\"a\\\"b\\u00e9\",\"value\":1,\"fields\":{}}");

        item.GetProperty("pk").GetString().Should().Be("RECORD#a\"bé");
        item.GetProperty("id").GetString().Should().Be("a\"bé");
    }

    [Theory]
    [InlineData("a\\\\", "a\\")]
    [InlineData("q\\\"", "q\"")]
    [InlineData("\\\\\\\"x", "\\\"x")]
    public void Transform_WhenIdEndsInEscapes_ShouldFindTheClosingQuote(string idJson, string id)
    {
        var item = TransformOne($"{{\"index\":0,\"line\":1,\"id\":\"{idJson}\",\"value\":1,\"fields\":{{}}}}");

        item.GetProperty("id").GetString().Should().Be(id);
        item.GetProperty("pk").GetString().Should().Be("RECORD#" + id);
    }

    [Theory]
    [InlineData("{\"index\":0,\"line\":1,\"id\":\"1\",\"value\":1}")]
    [InlineData("{\"line\":1,\"index\":0,\"id\":\"1\",\"value\":1,\"fields\":{}}")]
    [InlineData("{\"index\":0,\"line\":1,\"id\":\"\",\"value\":1,\"fields\":{}}")]
    [InlineData("{\"index\":0,\"line\":1,\"id\":\"1,\"value\":1,\"fields\":{}}")]
    public void Transform_WhenLineIsNotAValidRecordLine_ShouldFail(string line)
    {
        using var output = new NdjsonWriter();

        var act = () => new RecordTransformer(Source, IngestedAt).Transform(Encoding.UTF8.GetBytes(line), output);

        act.Should().Throw<InvalidOperationException>().WithMessage("not a valid-record line*");
    }

    private static JsonElement TransformOne(string validLine)
    {
        using var output = new NdjsonWriter();
        new RecordTransformer(Source, IngestedAt).Transform(Encoding.UTF8.GetBytes(validLine), output);
        output.LineCount.Should().Be(1);
        return InMemoryPipeline.Lines(Encoding.UTF8.GetString(output.WrittenMemory.Span)).Single();
    }
}
