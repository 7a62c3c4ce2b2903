using System.Text;
using Amazon.S3;
using Moq;

namespace Pipeline.Functions.Tests;

public sealed class QuarantineHandlerTests
{
    private const string Bucket = InMemoryPipeline.Bucket;

    [Fact]
    public async Task HandleAsync_ShouldWriteEveryInvalidLineUnderAKeyNamedAfterTheSource()
    {
        var s3 = new InMemoryS3();
        var lines = "{\"index\":2,\"line\":3,\"reasons\":[\"value is missing\"],\"record\":{\"id\":3}}\n{\"index\":5,\"line\":6,\"reasons\":[\"id is missing\"],\"record\":{}}\n";
        s3.Upload(Bucket, "staging/e/invalid.ndjson", Encoding.UTF8.GetBytes(lines));
        var handler = new QuarantineHandler(s3.Object, new BucketSettings(Bucket));
        var input = "{\"source\":{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/2025/a.json\",\"etag\":\"\\\"abc\\\"\"},\"invalidKey\":\"staging/e/invalid.ndjson\"}";

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(input)));

        output.GetProperty("quarantined").GetInt32().Should().Be(2);
        output.GetProperty("quarantineKey").GetString().Should().Be("quarantine/2025/a.json.abc.ndjson");
        s3.ReadText(Bucket, "quarantine/2025/a.json.abc.ndjson").Should().Be(lines);
    }

    [Fact]
    public async Task HandleAsync_WhenThereAreNoInvalidRecords_ShouldWriteNothing()
    {
        var s3 = new Mock<IAmazonS3>(MockBehavior.Strict);
        var handler = new QuarantineHandler(s3.Object, new BucketSettings(Bucket));

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(
            "{\"source\":{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/a.json\",\"etag\":\"e\"},\"invalidKey\":null}")));

        output.GetProperty("quarantined").GetInt32().Should().Be(0);
        output.GetProperty("quarantineKey").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        s3.VerifyNoOtherCalls();
    }
}
