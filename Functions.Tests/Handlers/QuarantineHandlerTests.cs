using System.Text;
using Amazon.S3;
using Moq;

namespace Pipeline.Functions.Tests.Handlers;

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
        var input = "{\"source\":{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/2025/a.json\",\"etag\":\"\\\"abc\\\"\"},\"invalidKey\":\"staging/e/invalid.ndjson\",\"invalidCount\":2}";

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(input)));

        output.GetProperty("quarantined").GetInt32().Should().Be(2);
        output.GetProperty("quarantineKey").GetString().Should().Be("quarantine/2025/a.json.abc.ndjson");
        s3.ReadText(Bucket, "quarantine/2025/a.json.abc.ndjson").Should().Be(lines);
    }

    /// <summary>Result files as a distributed Map's ResultWriter lays them out: each child's output is Store's result, as text.</summary>
    private static void UploadMapResults(InMemoryS3 s3, string succeededOutputs, int failed)
    {
        s3.Upload(Bucket, "staging/chunk-results/run-1/manifest.json", Encoding.UTF8.GetBytes(
            "{\"DestinationBucket\":\"ingest-bucket\",\"MapRunArn\":\"arn:aws:states:us-east-1:123456789012:mapRun:m/ProcessChunks:run-1\",\"ResultFiles\":{"
            + "\"FAILED\":[" + (failed > 0 ? "{\"Key\":\"staging/chunk-results/run-1/FAILED_0.json\",\"Size\":1}" : string.Empty) + "],\"PENDING\":[],"
            + "\"SUCCEEDED\":[{\"Key\":\"staging/chunk-results/run-1/SUCCEEDED_0.json\",\"Size\":1}]}}"));
        s3.Upload(Bucket, "staging/chunk-results/run-1/SUCCEEDED_0.json", Encoding.UTF8.GetBytes(succeededOutputs));
        s3.Upload(Bucket, "staging/chunk-results/run-1/FAILED_0.json", Encoding.UTF8.GetBytes(
            "[" + string.Join(",", Enumerable.Repeat("{\"Status\":\"FAILED\",\"Error\":\"StoreIncomplete\"}", failed)) + "]"));
    }

    [Fact]
    public async Task HandleAsync_WhenStoreResultsAreInADistributedMapsResultFiles_ShouldAccountForThem()
    {
        var s3 = new InMemoryS3();
        UploadMapResults(s3, "[{\"Status\":\"SUCCEEDED\",\"Output\":\"{\\\"stored\\\":2,\\\"duplicate\\\":false,\\\"rejected\\\":0,\\\"count\\\":2}\"},"
            + "{\"Status\":\"SUCCEEDED\",\"Output\":\"{\\\"stored\\\":0,\\\"duplicate\\\":true,\\\"rejected\\\":0,\\\"count\\\":1}\"}]", failed: 0);
        var handler = new QuarantineHandler(s3.Object, new BucketSettings(Bucket));

        var result = await handler.HandleAsync(new QuarantineRequest(
            new SourceObject(Bucket, "incoming/a.json", "e"), ValidCount: 3, ChunkResultsKey: "staging/chunk-results/run-1/manifest.json"));

        (result.Stored, result.AlreadyStored, result.ChunkCount).Should().Be((2, 1, 2));
    }

    [Fact]
    public async Task HandleAsync_WhenAChunkOfTheDistributedMapFailed_ShouldNameWhatIsUnaccounted()
    {
        var s3 = new InMemoryS3();
        UploadMapResults(s3, "[{\"Status\":\"SUCCEEDED\",\"Output\":\"{\\\"stored\\\":2,\\\"duplicate\\\":false,\\\"rejected\\\":0,\\\"count\\\":2}\"}]", failed: 1);
        var handler = new QuarantineHandler(s3.Object, new BucketSettings(Bucket));

        var act = () => handler.HandleAsync(new QuarantineRequest(
            new SourceObject(Bucket, "incoming/a.json", "e"), ValidCount: 3, ChunkResultsKey: "staging/chunk-results/run-1/manifest.json"));

        await act.Should().ThrowAsync<RecordsUnaccounted>().WithMessage("*1 unaccounted for (1 chunk(s) failed to store; see staging/chunk-results/run-1/manifest.json)*");
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

    [Fact]
    public async Task HandleAsync_ShouldAccountForEveryRecord_StoredRefusedOrStoredByAnEarlierDelivery()
    {
        var handler = new QuarantineHandler(Mock.Of<IAmazonS3>(MockBehavior.Strict), new BucketSettings(Bucket));
        StoreResult[] chunks = [new(1000, false, 0, 1000), new(998, false, 2, 1000), new(0, true, 0, 500)];

        var result = await handler.HandleAsync(new QuarantineRequest(Source, null, 2500, 0, chunks));

        result.Should().Be(new QuarantineResult(2, null, 1998, 2, 500, 3));
    }

    [Fact]
    public async Task HandleAsync_WhenRecordsAreMissing_ShouldFailNamingTheDifference()
    {
        var handler = new QuarantineHandler(Mock.Of<IAmazonS3>(MockBehavior.Strict), new BucketSettings(Bucket));
        StoreResult[] chunks = [new(1000, false, 0, 1000)];

        var act = () => handler.HandleAsync(new QuarantineRequest(Source, null, 2000, 0, chunks));

        (await act.Should().ThrowAsync<RecordsUnaccounted>()).Which.Message.Should().Be(
            "s3://ingest-bucket/incoming/a.json: Validate found 2000 valid and 0 invalid records, but 1000 were stored, 0 refused by the table, "
            + "0 stored by an earlier delivery and 0 quarantined as invalid: 1000 unaccounted for");
    }

    private static readonly SourceObject Source = new(Bucket, "incoming/a.json", "e");
}
