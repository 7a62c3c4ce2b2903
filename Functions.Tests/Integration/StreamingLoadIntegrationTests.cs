using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;

namespace Pipeline.Functions.Tests.Integration;

[Collection(LocalAwsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StreamingLoadIntegrationTests(LocalAwsFixture aws)
{
    private const string Bucket = LocalAwsFixture.BucketName;

    /// <summary>
    /// Per sample file, the format, record count and SHA-256 of each chunk that the whole-file reader (which read an object
    /// into one byte array) produced, captured from it before loading streamed. Not to be regenerated from this code.
    /// </summary>
    private static readonly JsonElement WholeFileChunks =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Functions.Tests", "Golden", "sample-chunks.json"))).RootElement;

    public static TheoryData<string, int> Samples
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var sample in WholeFileChunks.EnumerateObject())
            {
                foreach (var chunkSize in sample.Value.GetProperty("chunks").EnumerateObject())
                {
                    data.Add(sample.Name, int.Parse(chunkSize.Name, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleFile_ShouldLoadIntoTheSameChunkBytesAsTheWholeFileReaderWrote(string sample, int chunkSize)
    {
        var key = $"incoming/samples-{chunkSize}/{sample}";
        await UploadAsync(key, await SampleFiles.ReadAsync(sample));
        var handler = new LoadBatchHandler(aws.S3, new LoadBatchSettings(Bucket, chunkSize));

        var result = await handler.HandleAsync(new LoadBatchRequest(Bucket, key, $"samples-{chunkSize}-{sample}"));

        var expected = WholeFileChunks.GetProperty(sample);
        result.RecordCount.Should().Be(expected.GetProperty("recordCount").GetInt32());
        var digests = new List<string>();
        foreach (var chunkKey in Enumerable.Range(0, result.ChunkCount).Select(i => StorageLayout.ChunkKey(result.StagingPrefix, StorageLayout.ChunkId(i))))
        {
            digests.Add(Convert.ToHexStringLower(SHA256.HashData(await ReadAsync(chunkKey))));
        }

        digests.Should().Equal(expected.GetProperty("chunks").GetProperty(chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().Select(d => d.GetString()));
        var manifest = JsonDocument.Parse(await ReadAsync(StorageLayout.ManifestKey(result.StagingPrefix))).RootElement;
        manifest.GetProperty("format").GetString().Should().Be(expected.GetProperty("format").GetString());
    }

    [Fact]
    public async Task LoadBatch_ShouldPutChunksIntoS3WhileTheObjectIsStillBeingRead()
    {
        // About 4 MB: the reader's 256 KiB buffer fills some sixteen times.
        const int Records = 60_000;
        var content = Generated(Records);
        var key = "incoming/streamed.ndjson";
        await UploadAsync(key, content);
        var firstChunk = StorageLayout.ChunkKey(StorageLayout.StagingPrefix("streamed"), StorageLayout.ChunkId(0));
        var putsDone = 0;
        var putsDoneNearTheEnd = -1;
        bool? firstChunkInS3NearTheEnd = null;
        RecordingStream? recording = null;
        var s3 = new Mock<IAmazonS3>(MockBehavior.Strict);
        s3.Setup(x => x.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (GetObjectRequest request, CancellationToken cancellationToken) =>
            {
                var response = await aws.S3.GetObjectAsync(request, cancellationToken);
                recording = new RecordingStream(response.ResponseStream, checkAfter: content.Length * 9L / 10, async () =>
                {
                    putsDoneNearTheEnd = Volatile.Read(ref putsDone);
                    firstChunkInS3NearTheEnd = await ExistsAsync(firstChunk);
                });
                response.ResponseStream = recording;
                return response;
            });
        s3.Setup(x => x.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutObjectRequest request, CancellationToken cancellationToken) =>
            {
                var response = await aws.S3.PutObjectAsync(request, cancellationToken);
                Interlocked.Increment(ref putsDone);
                return response;
            });

        var result = await new LoadBatchHandler(s3.Object, new LoadBatchSettings(Bucket, ChunkSize: 1000)).HandleAsync(new LoadBatchRequest(Bucket, key, "streamed"));

        result.RecordCount.Should().Be(Records);
        result.ChunkCount.Should().Be(Records / 1000);
        StorageLayout.ChunkKey(result.StagingPrefix, StorageLayout.ChunkId(0)).Should().Be(firstChunk);
        recording!.Delivered.Should().Be(content.Length);
        firstChunkInS3NearTheEnd.Should().BeTrue("the first chunk was in S3 before the last tenth of the object was read");
        putsDoneNearTheEnd.Should().BeGreaterThan(Records / 1000 / 2, "most chunks were written while the object was still being read");
        putsDone.Should().Be((Records / 1000) + 1, "each chunk and the manifest are written once");
    }

    private static byte[] Generated(int records)
    {
        using var input = new GeneratedRecordsStream(records, string.Empty, "{\"id\":\"r0000000000\",\"value\":12.5,\"name\":\"streamed\"}", "\n", "\n");
        using var bytes = new MemoryStream();
        input.CopyTo(bytes);
        return bytes.ToArray();
    }

    private async Task UploadAsync(string key, byte[] content) =>
        await aws.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(content),
            UseChunkEncoding = false,
        });

    private async Task<byte[]> ReadAsync(string key)
    {
        using var response = await aws.S3.GetObjectAsync(Bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await aws.S3.GetObjectMetadataAsync(Bucket, key);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
