using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;

namespace Pipeline.Functions.Tests.Handlers;

public sealed class LoadBatchHandlerTests
{
    private const string Bucket = InMemoryPipeline.Bucket;

    private readonly InMemoryS3 s3 = new();

    [Fact]
    public async Task HandleAsync_ShouldReturnSourceAndCountsInCamelCase_AndNoChunkList()
    {
        var content = Encoding.UTF8.GetBytes("[{\"id\":1,\"value\":2},{\"id\":2,\"value\":3},{\"id\":3,\"value\":4}]");
        s3.Upload(Bucket, "incoming/a.json", content);
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, ChunkSize: 2));

        var output = PayloadStreams.Parse(await handler.HandleAsync(PayloadStreams.From(
            "{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/a.json\",\"executionName\":\"exec-1\"}")));

        output.GetProperty("source").GetProperty("bucket").GetString().Should().Be(Bucket);
        output.GetProperty("source").GetProperty("key").GetString().Should().Be("incoming/a.json");
        output.GetProperty("source").GetProperty("etag").GetString().Should().Be(InMemoryS3.EtagOf(content));
        output.GetProperty("recordCount").GetInt32().Should().Be(3);
        output.GetProperty("workPrefix").GetString().Should().Be("staging/exec-1/");
        output.GetProperty("chunkCount").GetInt32().Should().Be(2);
        output.TryGetProperty("chunkKeys", out _).Should().BeFalse("the chunk list is in the manifest, never in the workflow's state");
    }

    [Fact]
    public async Task LoadAsync_ShouldWriteChunksOfChunkSizeAndAManifest()
    {
        s3.Upload(Bucket, "incoming/a.csv", Encoding.UTF8.GetBytes("id,value\n1,2\n2,3\n3,4\n"));
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, ChunkSize: 2));

        var result = await handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/a.csv", "exec-2"));

        s3.Keys(Bucket).Should().BeEquivalentTo(
            "incoming/a.csv", "staging/exec-2/chunks/000000.ndjson", "staging/exec-2/chunks/000001.ndjson", "staging/exec-2/manifest.json");
        result.ChunkCount.Should().Be(2);
        InMemoryPipeline.Lines(s3.ReadText(Bucket, "staging/exec-2/chunks/000000.ndjson")).Should().HaveCount(2);
        InMemoryPipeline.Lines(s3.ReadText(Bucket, "staging/exec-2/chunks/000001.ndjson")).Should().HaveCount(1);
        var manifest = InMemoryPipeline.Lines(s3.ReadText(Bucket, "staging/exec-2/manifest.json")).Single();
        manifest.GetProperty("recordCount").GetInt32().Should().Be(3);
        manifest.GetProperty("format").GetString().Should().Be("Csv");
    }

    [Fact]
    public async Task LoadAsync_WhenFileIsEmpty_ShouldSucceedWithZeroRecords()
    {
        s3.Upload(Bucket, "incoming/empty.json", []);
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var result = await handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/empty.json", "exec-3"));

        result.RecordCount.Should().Be(0);
        result.ChunkCount.Should().Be(0);
    }

    [Fact]
    public async Task HandleAsync_WhenFileIsMalformed_ShouldFailWithTheInvalidInputErrorName()
    {
        s3.Upload(Bucket, "incoming/bad.json", Encoding.UTF8.GetBytes("[{\"id\":1,"));
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(PayloadStreams.From("{\"bucket\":\"ingest-bucket\",\"key\":\"incoming/bad.json\",\"executionName\":\"e\"}"));

        var error = (await act.Should().ThrowAsync<Exception>()).Which;
        error.GetType().Name.Should().Be("InvalidInput");
        error.Message.Should().StartWith("s3://ingest-bucket/incoming/bad.json line 1, byte 8: malformed JSON");
        s3.Keys(Bucket).Should().Equal("incoming/bad.json");
    }

    [Fact]
    public async Task LoadAsync_WhenFileIsLargerThanTheLimit_ShouldFailNamingTheLimit()
    {
        s3.Upload(Bucket, "incoming/big.json", new byte[1001]);
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, MaxObjectBytes: 1000));

        var act = () => handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/big.json", "e"));

        (await act.Should().ThrowAsync<InvalidInput>()).WithMessage("*larger than 1000 bytes*MAX_OBJECT_BYTES*");
    }

    [Fact]
    public async Task LoadAsync_WhenFileIsLargerThanTheLimit_ShouldRefuseBeforeReadingAnyOfIt()
    {
        var body = new GeneratedRecordsStream(100_000_000, string.Empty, "{\"id\":\"r0000000000\",\"value\":1}", "\n", "\n");
        var s3 = new Mock<IAmazonS3>(MockBehavior.Strict);
        s3.Setup(x => x.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetObjectResponse { ContentLength = body.Length, ETag = "\"e\"", ResponseStream = body });
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/huge.ndjson", "e"));

        (await act.Should().ThrowAsync<InvalidInput>()).WithMessage("*larger than 268435456 bytes, the most this function reads (MAX_OBJECT_BYTES)");
        body.Delivered.Should().Be(0);
    }

    [Fact]
    public async Task HandleAsync_ShouldUploadUpToFourChunksAtOnceKeepingTheirOrder()
    {
        var inFlight = 0;
        var most = 0;
        s3.Mock.Setup(x => x.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutObjectRequest request, CancellationToken _) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                await Task.Delay(5);
                using var copy = new MemoryStream();
                await request.InputStream.CopyToAsync(copy);
                s3.Upload(request.BucketName, request.Key, copy.ToArray(), request.ContentType);
                Interlocked.Decrement(ref inFlight);
                return new PutObjectResponse();
            });
        s3.Upload(Bucket, "incoming/many.ndjson", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20).Select(i => $"{{\"id\":{i},\"value\":1}}\n"))));
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, ChunkSize: 1));

        var result = await handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/many.ndjson", "many"));

        most.Should().Be(4);
        var chunkKeys = Enumerable.Range(0, 20).Select(i => StorageLayout.ChunkKey("staging/many/", StorageLayout.ChunkId(i))).ToList();
        result.ChunkCount.Should().Be(20);
        chunkKeys.Select(k => InMemoryPipeline.Lines(s3.ReadText(Bucket, k)).Single().GetProperty("index").GetInt32()).Should().Equal(Enumerable.Range(0, 20));
    }

    [Fact]
    public async Task LoadAsync_WhenTheFileTurnsOutBadAfterChunksWereWritten_ShouldFailWithoutWritingTheManifest()
    {
        // More than the read buffer holds, so that chunks are written before the bad byte is read.
        var lines = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":{i},\"value\":1}}\n"));
        s3.Upload(Bucket, "incoming/late.ndjson", [.. Encoding.UTF8.GetBytes(lines), 0xC3, 0x28, (byte)'\n']);
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/late.ndjson", "late"));

        var error = (await act.Should().ThrowAsync<InvalidInput>()).Which;
        (error.Line, error.Problem).Should().Be((20_001L, "invalid UTF-8: byte 0xC3 does not begin a valid sequence"));
        s3.Keys(Bucket).Should().Contain("staging/late/chunks/000000.ndjson", "chunks are written as they complete")
            .And.NotContain("staging/late/manifest.json", "without a manifest nothing goes on to read them");
    }

    [Fact]
    public async Task LoadAsync_WhenBucketIsNotTheIngestBucket_ShouldRefuseWithoutReading()
    {
        var s3 = new Mock<IAmazonS3>(MockBehavior.Strict);
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(new LoadBatchRequest("other-bucket", "incoming/a.json", "e"));

        await act.Should().ThrowAsync<InvalidInput>().WithMessage("*'other-bucket' is not this pipeline's ingest bucket*");
        s3.Verify(x => x.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task LoadAsync_WhenExecutionNameIsNotUsable_ShouldRefuse(string executionName)
    {
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/a.json", executionName));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Theory]
    [InlineData("incoming/my file+v2 %.csv", "incoming/my+file%2Bv2+%25.csv")]
    [InlineData("incoming/my file+v2 %.csv", "incoming/my file+v2 %.csv")]
    [InlineData("incoming/a+b.csv", "incoming/a+b.csv")]
    [InlineData("incoming/a+b.csv", "incoming/a%2Bb.csv")]
    [InlineData("incoming/données été/naïve 😀.csv", "incoming/donn%C3%A9es+%C3%A9t%C3%A9/na%C3%AFve+%F0%9F%98%80.csv")]
    public async Task HandleAsync_ShouldFindTheObjectWhetherTheEventKeyIsUrlEncodedOrNot(string objectKey, string eventKey)
    {
        s3.Upload(Bucket, objectKey, Encoding.UTF8.GetBytes("id,value\n1,2\n"));
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var result = await handler.HandleAsync(new LoadBatchRequest(Bucket, eventKey, "keys"));

        result.Source.Key.Should().Be(objectKey, "the run names the object by its real key");
        result.RecordCount.Should().Be(1);
    }

    [Fact]
    public void S3sEncodingOfAKey_ShouldDecodeBackToTheKey()
    {
        var key = "incoming/données été/my file+v2 %.csv";

        var encoded = EventObjectKey.Encode(key);

        encoded.Should().Be("incoming/donn%C3%A9es+%C3%A9t%C3%A9/my+file%2Bv2+%25.csv");
        EventObjectKey.Candidates(encoded).Should().Equal(encoded, key);
    }

    [Fact]
    public async Task HandleAsync_WhenNoObjectIsUnderTheKeyNorItsDecodedForm_ShouldFailNamingBoth()
    {
        var handler = new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket));

        var act = () => handler.HandleAsync(new LoadBatchRequest(Bucket, "incoming/gone+file.csv", "gone"));

        await act.Should().ThrowAsync<InvalidInput>().WithMessage(
            "s3://ingest-bucket/incoming/gone+file.csv: no readable object under the key 'incoming/gone+file.csv' nor 'incoming/gone file.csv'*");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
