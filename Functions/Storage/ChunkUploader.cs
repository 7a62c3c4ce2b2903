using System.Buffers;
using Amazon.S3;

namespace Pipeline.Functions;

/// <summary>
/// Writes LoadBatch's chunk objects under the execution's staging prefix as the reader completes them, with up to
/// <see cref="MaxUploads"/> PutObject requests at once: reading goes on while earlier chunks upload, and at most that
/// many chunk copies are held.
/// </summary>
internal sealed class ChunkUploader : IChunkSink, IAsyncDisposable
{
    private const int MaxUploads = 4;

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _stagingPrefix;
    private readonly Queue<Task> _uploads = new();
    private readonly List<string> _keys = [];

    public ChunkUploader(IAmazonS3 s3, string bucket, string stagingPrefix)
    {
        _s3 = s3;
        _bucket = bucket;
        _stagingPrefix = stagingPrefix;
    }

    /// <summary>The chunk keys in order, the first one written first.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (_uploads.Count == MaxUploads)
        {
            await _uploads.Dequeue().ConfigureAwait(false);
        }

        var key = StorageLayout.ChunkKey(_stagingPrefix, StorageLayout.ChunkId(_keys.Count));
        var copy = ArrayPool<byte>.Shared.Rent(chunk.Length);
        chunk.CopyTo(copy);
        _keys.Add(key);
        _uploads.Enqueue(UploadAsync(key, copy, chunk.Length, cancellationToken));
    }

    /// <summary>Waits for the uploads still running; fails as the first of them that failed.</summary>
    public async Task CompleteAsync()
    {
        while (_uploads.TryDequeue(out var upload))
        {
            await upload.ConfigureAwait(false);
        }
    }

    /// <summary>After a failure elsewhere, lets the uploads still running end, so that none outlives the invocation.</summary>
    public async ValueTask DisposeAsync()
    {
        while (_uploads.TryDequeue(out var upload))
        {
            await upload.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task UploadAsync(string key, byte[] copy, int length, CancellationToken cancellationToken)
    {
        try
        {
            await S3Objects.PutAsync(_s3, _bucket, key, copy, length, S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
