using System.Buffers;
using Amazon.S3;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Writes LoadBatch's chunk objects under the execution's staging prefix as the reader completes them, with up to
/// <see cref="MaxUploads"/> PutObject requests at once: reading goes on while earlier chunks upload, and at most that
/// many chunk copies are held.
/// </summary>
internal sealed class ChunkUploader : IChunkSink, IAsyncDisposable
{
    private const int MaxUploads = 4;

    private readonly IAmazonS3 s3;
    private readonly string bucket;
    private readonly string stagingPrefix;
    private readonly Queue<Task> uploads = new();
    private readonly List<string> keys = [];

    public ChunkUploader(IAmazonS3 s3, string bucket, string stagingPrefix)
    {
        this.s3 = s3;
        this.bucket = bucket;
        this.stagingPrefix = stagingPrefix;
    }

    /// <summary>The chunk keys in order, the first one written first.</summary>
    public IReadOnlyList<string> Keys => keys;

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (uploads.Count == MaxUploads)
        {
            await uploads.Dequeue().ConfigureAwait(false);
        }

        var key = StorageLayout.ChunkKey(stagingPrefix, StorageLayout.ChunkId(keys.Count));
        var copy = ArrayPool<byte>.Shared.Rent(chunk.Length);
        chunk.CopyTo(copy);
        keys.Add(key);
        uploads.Enqueue(UploadAsync(key, copy, chunk.Length, cancellationToken));
    }

    /// <summary>Waits for the uploads still running; fails as the first of them that failed.</summary>
    public async Task CompleteAsync()
    {
        while (uploads.TryDequeue(out var upload))
        {
            await upload.ConfigureAwait(false);
        }
    }

    /// <summary>After a failure elsewhere, lets the uploads still running end, so that none outlives the invocation.</summary>
    public async ValueTask DisposeAsync()
    {
        while (uploads.TryDequeue(out var upload))
        {
            await upload.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task UploadAsync(string key, byte[] copy, int length, CancellationToken cancellationToken)
    {
        try
        {
            await S3Objects.PutAsync(s3, bucket, key, copy, length, S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
