using System.Text;

namespace Pipeline.Functions.Tests.Handlers;

public sealed class TransformHandlerTests
{
    private const string Bucket = InMemoryPipeline.Bucket;
    private static readonly SourceObject Source = new(Bucket, "incoming/a.json", "etag1");

    private readonly InMemoryS3 s3 = new();

    [Fact]
    public async Task HandleAsync_ShouldWriteTheTransformedChunkUnderTheSameChunkId()
    {
        s3.Upload(Bucket, "staging/e/valid/000003.ndjson", Encoding.UTF8.GetBytes(
            "{\"index\":0,\"line\":1,\"id\":\"1\",\"value\":20,\"fields\":{}}\n{\"index\":1,\"line\":2,\"id\":\"2\",\"value\":30,\"fields\":{}}\n"));
        var handler = new TransformHandler(s3.Object, new BucketSettings(Bucket), new FixedClock(DateTimeOffset.UnixEpoch));
        var input = "{\"source\":{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/a.json\",\"etag\":\"etag1\"}," +
                    "\"chunkKey\":\"staging/e/valid/000003.ndjson\",\"workPrefix\":\"staging/e/\",\"ingestedAt\":\"2025-01-02T03:04:05.678Z\"}";

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(input)));

        output.GetProperty("transformedKey").GetString().Should().Be("staging/e/transformed/000003.ndjson");
        output.GetProperty("count").GetInt32().Should().Be(2);
        var items = InMemoryPipeline.Lines(s3.ReadText(Bucket, "staging/e/transformed/000003.ndjson"));
        items.Select(i => i.GetProperty("processed_value").GetInt32()).Should().Equal(200, 300);
        items.Should().OnlyContain(i => i.GetProperty("ingested_at").GetString() == "2025-01-02T03:04:05.678Z");
    }

    [Fact]
    public async Task TransformAsync_WhenIngestionTimeIsNotGiven_ShouldUseTheClock()
    {
        s3.Upload(Bucket, "staging/e/valid/000000.ndjson", Encoding.UTF8.GetBytes("{\"index\":0,\"line\":1,\"id\":\"1\",\"value\":1,\"fields\":{}}\n"));
        var handler = new TransformHandler(s3.Object, new BucketSettings(Bucket), new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var result = await handler.HandleAsync(new TransformRequest(Source, "staging/e/valid/000000.ndjson", "staging/e/"));

        InMemoryPipeline.Lines(s3.ReadText(Bucket, result.TransformedKey)).Single()
            .GetProperty("ingested_at").GetString().Should().Be("2030-01-01T00:00:00.000Z");
    }

    [Fact]
    public async Task TransformAsync_WhenChunkIsOutsideTheStagingPrefix_ShouldRefuse()
    {
        var handler = new TransformHandler(s3.Object, new BucketSettings(Bucket), TimeProvider.System);

        var act = () => handler.HandleAsync(new TransformRequest(Source, "incoming/a.json", "staging/e/"));

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
