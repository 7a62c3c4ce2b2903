using System.Text;
using System.Text.Json;

namespace Pipeline.Functions.Tests.Processing;

public sealed class RecordValidatorTests
{
    private static readonly SourceObject Source = new("bucket", "incoming/data.json", "etag1");

    [Fact]
    public void Validate_WhenSeedRecords_ShouldAcceptTwoAndRejectTheOneWithoutValue()
    {
        var result = Validate("{\"records\":[{\"id\":1,\"value\":20},{\"id\":2,\"value\":30},{\"id\":3}]}");

        result.Validator.TotalCount.Should().Be(3);
        result.Validator.ValidCount.Should().Be(2);
        result.Validator.InvalidCount.Should().Be(1);
        result.Valid.Select(v => v.GetProperty("id").GetString()).Should().Equal("1", "2");
        var invalid = result.Invalid.Single();
        invalid.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Equal("value is missing");
        invalid.GetProperty("record").GetRawText().Should().Be("{\"id\":3}");
        invalid.GetProperty("source").GetProperty("key").GetString().Should().Be(Source.Key);
    }

    [Fact]
    public void Validate_WhenRecordHasOtherFields_ShouldKeepThemByteForByte()
    {
        var result = Validate("[{\"name\":\"Zoë\",\"id\":\"a-1\",\"big\":123456789012345678901234567890,\"nested\":{\"x\":[1,2.50,null,true]},\"value\":1.25}]");

        var valid = result.Valid.Single();
        valid.GetProperty("id").GetString().Should().Be("a-1");
        valid.GetProperty("value").GetRawText().Should().Be("1.25");
        valid.GetProperty("fields").GetRawText().Should().Be("{\"name\":\"Zoë\",\"big\":123456789012345678901234567890,\"nested\":{\"x\":[1,2.50,null,true]}}");
    }

    [Fact]
    public void Validate_WhenIdIsAnInteger_ShouldNormaliseItToAString()
    {
        var result = Validate("[{\"id\":123456789012345678901234567890,\"value\":1}]");

        result.Valid.Single().GetProperty("id").GetString().Should().Be("123456789012345678901234567890");
    }

    [Theory]
    [InlineData("{\"id\":1.5,\"value\":1}", "id must be a string or an integer, found number 1.5")]
    [InlineData("{\"id\":null,\"value\":1}", "id must be a string or an integer, found null")]
    [InlineData("{\"id\":[1],\"value\":1}", "id must be a string or an integer, found an array")]
    [InlineData("{\"id\":\"\",\"value\":1}", "id is empty")]
    [InlineData("{\"value\":1}", "id is missing")]
    [InlineData("{\"id\":1,\"value\":\"20\"}", "value must be a number, found a string")]
    [InlineData("{\"id\":1,\"value\":null}", "value must be a number, found null")]
    [InlineData("{\"id\":1,\"value\":{\"amount\":1}}", "value must be a number, found an object")]
    [InlineData("{\"id\":1,\"value\":1e400}", "value 1e400 is too large or too small to store")]
    [InlineData("{\"id\":1,\"value\":1.23456789012345678901234567890123456789}", "value 1.23456789012345678901234567890123456789 has more than 38 significant digits")]
    [InlineData("{\"id\":1,\"value\":2,\"id\":3}", "field 'id' appears more than once")]
    [InlineData("{\"id\":1,\"value\":2,\"\":3}", "a field name is empty")]
    [InlineData("{\"id\":1,\"value\":2,\"m\":{\"a\":1,\"a\":2}}", "field 'm' repeats the name 'a' in one object")]
    [InlineData("{\"id\":1,\"value\":2,\"m\":{\"\":1}}", "field 'm' contains an empty field name")]
    [InlineData("{\"id\":1,\"value\":2,\"m\":[1e999]}", "field 'm[0]' holds the number 1e999, which is outside the range DynamoDB stores")]
    [InlineData("[1,2]", "record is not a JSON object (found an array)")]
    [InlineData("\"text\"", "record is not a JSON object (found a string)")]
    public void Validate_WhenRecordBreaksTheContract_ShouldGiveTheReason(string record, string reason)
    {
        var result = Validate($"[{record}]");

        result.Valid.Should().BeEmpty();
        Reasons(result.Invalid.Single()).Should().ContainSingle(r => r.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenRecordBreaksSeveralRules_ShouldListEveryReason()
    {
        var result = Validate("[{\"id\":true,\"value\":\"x\",\"n\":1e999}]");

        Reasons(result.Invalid.Single()).Should().HaveCount(3);
    }

    [Fact]
    public void Validate_WhenIdRepeatsAcrossChunks_ShouldRejectTheLaterRecordNamingTheFirst()
    {
        var result = Validate("{\"id\":1,\"value\":1}\n{\"id\":2,\"value\":2}\n{\"id\":\"1\",\"value\":3}\n", chunkSize: 1);

        result.Valid.Select(v => v.GetProperty("id").GetString()).Should().Equal("1", "2");
        Reasons(result.Invalid.Single()).Should().Equal("id '1' duplicates record 1 (line 1)");
    }

    [Fact]
    public void Validate_WhenFirstRecordWithAnIdIsInvalid_ShouldNotLetItClaimTheId()
    {
        var result = Validate("{\"id\":1}\n{\"id\":1,\"value\":5}\n");

        result.Valid.Single().GetProperty("value").GetInt32().Should().Be(5);
        Reasons(result.Invalid.Single()).Should().Equal("value is missing");
    }

    [Fact]
    public void Validate_WhenFieldNestsDeeperThanDynamoDbAllows_ShouldRejectIt()
    {
        // The item and its fields map take two of DynamoDB's 32 levels.
        var deep = new string('[', 31) + new string(']', 31);
        var fits = new string('[', 30) + new string(']', 30);

        var result = Validate($"[{{\"id\":1,\"value\":1,\"a\":[],\"d\":{deep}}},{{\"id\":2,\"value\":1,\"d\":{fits}}}]");

        Reasons(result.Invalid.Single()).Should().Equal("field 'd' is nested deeper than DynamoDB's 32 levels");
        result.Valid.Single().GetProperty("id").GetString().Should().Be("2");
    }

    [Fact]
    public void Validate_WhenCsvValues_ShouldParseValueTextAsANumber()
    {
        var result = Validate("id,value,note\n1,20,a\n2,NaN,b\n3,abc,c\n4,,d\n,5,e\n", key: "x.csv");

        result.Valid.Single().GetProperty("value").GetRawText().Should().Be("20");
        result.Valid.Single().GetProperty("fields").GetRawText().Should().Be("{\"note\":\"a\"}");
        result.Invalid.Select(i => Reasons(i).Single()).Should().Equal(
            "value 'NaN' is not a finite number",
            "value 'abc' is not a number",
            "value is missing",
            "id is missing");
    }

    [Fact]
    public void Validate_WhenAChunkLineIsMissing_ShouldFailNamingTheMissingRecord()
    {
        var loaded = ChunkCollector.Read(Encoding.UTF8.GetBytes("[{\"id\":1,\"value\":1},{\"id\":2,\"value\":1}]"), "x.json", null, "f", 1);
        using var validator = new RecordValidator(Source);
        using var valid = new NdjsonWriter();
        using var invalid = new NdjsonWriter();

        var act = () => validator.Validate(loaded.Chunks[1].AsSpan().TrimEnd((byte)'\n'), valid, invalid);

        act.Should().Throw<InvalidOperationException>().WithMessage("record 1 is missing*");
    }

    [Fact]
    public void RequireTotal_WhenFewerRecordsThanLoaded_ShouldFail()
    {
        var result = Validate("[{\"id\":1,\"value\":1}]");

        var act = () => result.Validator.RequireTotal(2);

        act.Should().Throw<InvalidOperationException>().WithMessage("the chunks hold 1 records but the file held 2");
    }

    internal static ValidationRun Validate(string content, string key = "x.json", int chunkSize = 1000)
    {
        var loaded = ChunkCollector.Read(Encoding.UTF8.GetBytes(content), key, null, "f", chunkSize);
        var validator = new RecordValidator(Source);
        using var valid = new NdjsonWriter();
        using var invalid = new NdjsonWriter();
        foreach (var chunk in loaded.Chunks)
        {
            foreach (var line in new NdjsonLines(chunk))
            {
                if (!line.IsEmpty)
                {
                    validator.Validate(line, valid, invalid);
                }
            }
        }

        validator.RequireTotal(loaded.RecordCount);
        (validator.ValidCount + validator.InvalidCount).Should().Be(validator.TotalCount);
        return new ValidationRun(
            validator,
            InMemoryPipeline.Lines(Encoding.UTF8.GetString(valid.WrittenMemory.Span)),
            InMemoryPipeline.Lines(Encoding.UTF8.GetString(invalid.WrittenMemory.Span)));
    }

    private static List<string> Reasons(JsonElement invalid) =>
        invalid.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();

    internal sealed record ValidationRun(RecordValidator Validator, IReadOnlyList<JsonElement> Valid, IReadOnlyList<JsonElement> Invalid);
}
