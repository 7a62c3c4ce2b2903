using System.Text;

namespace Pipeline.Functions.Tests.Handlers;

public sealed class ValidateHandlerTests
{
    private const string Bucket = InMemoryPipeline.Bucket;

    private readonly InMemoryS3 s3 = new();

    [Fact]
    public async Task HandleAsync_ShouldSplitRecordsIntoValidChunksAndOneInvalidObject()
    {
        var load = await LoadAsync("{\"id\":1,\"value\":1}\n{\"id\":2}\n{\"id\":3,\"value\":3}\n{\"id\":1,\"value\":4}\n", chunkSize: 2);
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));
        var input = $"{{\"source\":{{\"bucket\":\"{Bucket}\",\"key\":\"{load.Source.Key}\",\"etag\":\"{load.Source.Etag}\"}}," +
                    $"\"workPrefix\":\"{load.StagingPrefix}\",\"listValidChunkKeys\":true}}";

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(input)));

        output.GetProperty("totalCount").GetInt32().Should().Be(4);
        output.GetProperty("validCount").GetInt32().Should().Be(2);
        output.GetProperty("invalidCount").GetInt32().Should().Be(2);
        output.GetProperty("validChunkKeys").EnumerateArray().Select(k => k.GetString()).Should()
            .Equal($"{load.StagingPrefix}valid/000000.ndjson", $"{load.StagingPrefix}valid/000001.ndjson");
        output.GetProperty("validChunkCount").GetInt32().Should().Be(2);
        output.GetProperty("invalidKey").GetString().Should().Be($"{load.StagingPrefix}invalid.ndjson");
        var invalid = InMemoryPipeline.Lines(s3.ReadText(Bucket, $"{load.StagingPrefix}invalid.ndjson"));
        invalid.Select(i => i.GetProperty("line").GetInt64()).Should().Equal(2, 4);
    }

    [Fact]
    public async Task ValidateAsync_WhenEveryRecordIsValid_ShouldReturnNoInvalidKey()
    {
        var load = await LoadAsync("[{\"id\":1,\"value\":1}]");
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));

        var result = await handler.HandleAsync(new ValidateRequest(load.Source, load.StagingPrefix));

        result.InvalidKey.Should().BeNull();
        result.ValidCount.Should().Be(1);
    }

    [Fact]
    public async Task ValidateAsync_ListsTheValidChunksOneJsonLineEach_AndInTheResultOnlyWhenAsked()
    {
        var load = await LoadAsync("[{\"id\":1,\"value\":1},{\"id\":2},{\"id\":3,\"value\":3}]", chunkSize: 1);
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));

        var result = await handler.HandleAsync(new ValidateRequest(load.Source, load.StagingPrefix));

        result.ValidChunkKeys.Should().BeEmpty();
        result.ValidChunkCount.Should().Be(2);
        result.ValidChunkListKey.Should().Be($"{load.StagingPrefix}valid-chunks.jsonl");
        s3.ReadText(Bucket, result.ValidChunkListKey).Should().Be(
            $"{{\"chunkKey\":\"{load.StagingPrefix}valid/000000.ndjson\"}}\n{{\"chunkKey\":\"{load.StagingPrefix}valid/000002.ndjson\"}}\n");
    }

    [Fact]
    public async Task ValidateAsync_WhenAChunkLostARecordSinceLoading_ShouldFailRatherThanLoseIt()
    {
        var load = await LoadAsync("[{\"id\":1,\"value\":1},{\"id\":2,\"value\":1}]", chunkSize: 1);
        s3.Upload(Bucket, $"{load.StagingPrefix}chunks/000001.ndjson", []);
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));

        var act = () => handler.HandleAsync(new ValidateRequest(load.Source, load.StagingPrefix));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("the chunks hold 1 records but the file held 2");
    }

    [Fact]
    public async Task ValidateAsync_WhenSourceVersionDiffersFromTheLoadedOne_ShouldFail()
    {
        var load = await LoadAsync("[{\"id\":1,\"value\":1}]");
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));

        var act = () => handler.HandleAsync(new ValidateRequest(load.Source with { Etag = "other" }, load.StagingPrefix));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("the source passed*is not the one loaded*");
    }

    [Fact]
    public async Task ValidateAsync_WhenTheManifestListsAChunkOutsideTheStagingPrefix_ShouldRefuse()
    {
        var load = await LoadAsync("[{\"id\":1,\"value\":1}]");
        var manifestKey = $"{load.StagingPrefix}manifest.json";
        s3.Upload(Bucket, manifestKey, Encoding.UTF8.GetBytes(s3.ReadText(Bucket, manifestKey).Replace($"{load.StagingPrefix}chunks/000000.ndjson", "incoming/data.json", StringComparison.Ordinal)));
        var handler = new ValidateHandler(s3.Object, new BucketSettings(Bucket));

        var act = () => handler.HandleAsync(new ValidateRequest(load.Source, load.StagingPrefix));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("'incoming/data.json' is not under the staging prefix*");
    }

    private async Task<LoadBatchResult> LoadAsync(string content, int chunkSize = 1000)
    {
        s3.Upload(Bucket, "incoming/data.json", Encoding.UTF8.GetBytes(content));
        return await new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, chunkSize))
            .HandleAsync(new LoadBatchRequest(Bucket, "incoming/data.json", "exec"));
    }
}
