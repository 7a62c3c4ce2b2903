using Amazon.S3;

namespace Pipeline.Functions;

/// <summary>
/// Reads an uploaded file (JSON array, <c>{"records":[…]}</c>, NDJSON or CSV), splits it into chunk
/// objects of N records under <c>staging/&lt;executionName&gt;/chunks/</c>, writes a manifest and returns
/// the chunk keys. A file that cannot be read as records fails with <see cref="InvalidInput"/>;
/// an empty file succeeds with zero records.
/// </summary>
public sealed class LoadBatchHandler : FunctionHandler<LoadBatchRequest, LoadBatchResult>
{
    private readonly IAmazonS3 _s3;
    private readonly LoadBatchSettings _settings;
    private readonly FunctionLog _log;

    public LoadBatchHandler(IAmazonS3 s3, LoadBatchSettings settings, TextWriter? log = null)
        : base(PayloadJsonContext.Default.LoadBatchRequest, PayloadJsonContext.Default.LoadBatchResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        _s3 = s3;
        _settings = settings;
        _log = new FunctionLog(log, FunctionIds.LoadBatch);
    }

    public override async Task<LoadBatchResult> HandleAsync(LoadBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key);
        var workPrefix = StorageLayout.WorkPrefix(request.ExecutionName);
        var file = $"s3://{request.Bucket}/{request.Key}";
        if (request.Bucket != _settings.BucketName)
        {
            throw new InvalidInput(file, null, null, $"the bucket '{request.Bucket}' is not this pipeline's ingest bucket '{_settings.BucketName}'");
        }

        var stored = await S3Objects.GetAsync(_s3, request.Bucket, request.Key, _settings.MaxObjectBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidInput(file, null, null, $"the file is larger than {_settings.MaxObjectBytes} bytes, the most this function reads ({EnvironmentVariables.MaxObjectBytes})");
        var source = new SourceObject(request.Bucket, request.Key, stored.Etag);
        var loaded = RecordFileReader.Read(stored.Data, request.Key, stored.ContentType, file, _settings.ChunkSize);

        var chunkKeys = new List<string>(loaded.Chunks.Count);
        for (var i = 0; i < loaded.Chunks.Count; i++)
        {
            var key = StorageLayout.ChunkKey(workPrefix, StorageLayout.ChunkId(i));
            await S3Objects.PutAsync(_s3, _settings.BucketName, key, loaded.Chunks[i], S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
            chunkKeys.Add(key);
        }

        var manifest = new ChunkManifest(source, loaded.Format.ToString(), loaded.RecordCount, chunkKeys);
        await S3Objects.PutAsync(
            _s3,
            _settings.BucketName,
            StorageLayout.ManifestKey(workPrefix),
            Payloads.ToBytes(manifest, PayloadJsonContext.Default.ChunkManifest),
            S3Objects.JsonContentType,
            cancellationToken).ConfigureAwait(false);

        _log.Info("file loaded", ("file", file), ("etag", source.Etag), ("format", loaded.Format.ToString()), ("records", loaded.RecordCount), ("chunks", chunkKeys.Count));
        return new LoadBatchResult(source, loaded.RecordCount, chunkKeys, workPrefix);
    }
}
