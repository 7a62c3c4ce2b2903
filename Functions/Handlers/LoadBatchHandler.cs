using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Loading;
using Pipeline.Functions.Logging;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Handlers;

/// <summary>
/// Reads an uploaded file (JSON array, <c>{"records":[…]}</c>, NDJSON or CSV) as it streams from S3, writes each chunk
/// object of N records under <c>staging/&lt;executionName&gt;/chunks/</c> as soon as it is complete, then a manifest
/// listing them, and returns their count. A file larger than <see cref="LoadBatchSettings.MaxObjectBytes"/> is refused before any
/// work. A file that cannot be read as records fails with <see cref="InvalidInput"/>; an empty file succeeds with zero records.
/// </summary>
public sealed class LoadBatchHandler : FunctionHandler<LoadBatchRequest, LoadBatchResult>
{
    private readonly IAmazonS3 s3;
    private readonly LoadBatchSettings settings;
    private readonly FunctionLog log;

    public LoadBatchHandler(IAmazonS3 s3, LoadBatchSettings settings, TextWriter? log = null)
        : base(PayloadJsonContext.Default.LoadBatchRequest, PayloadJsonContext.Default.LoadBatchResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        this.s3 = s3;
        this.settings = settings;
        this.log = new FunctionLog(log, FunctionIds.LoadBatch);
    }

    public override async Task<LoadBatchResult> HandleAsync(LoadBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key);
        var stagingPrefix = StorageLayout.StagingPrefix(request.ExecutionName);
        if (request.Bucket != settings.BucketName)
        {
            throw new InvalidInput($"s3://{request.Bucket}/{request.Key}", null, null, $"the bucket '{request.Bucket}' is not this pipeline's ingest bucket '{settings.BucketName}'");
        }

        var (key, response) = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var file = $"s3://{request.Bucket}/{key}";
            if (response.ContentLength > settings.MaxObjectBytes)
            {
                throw new InvalidInput(file, null, null, $"the file is larger than {settings.MaxObjectBytes} bytes, the most this function reads ({EnvironmentVariables.MaxObjectBytes})");
            }

            var source = new SourceObject(request.Bucket, key, StorageLayout.NormalizeEtag(response.ETag ?? string.Empty));
            var (loaded, chunkKeys) = await WriteChunksAsync(response, key, file, stagingPrefix, cancellationToken).ConfigureAwait(false);
            var manifest = new ChunkManifest(source, loaded.Format.ToString(), loaded.RecordCount, chunkKeys);
            await S3Objects.PutAsync(
                s3,
                settings.BucketName,
                StorageLayout.ManifestKey(stagingPrefix),
                Payloads.ToBytes(manifest, PayloadJsonContext.Default.ChunkManifest),
                S3Objects.JsonContentType,
                cancellationToken).ConfigureAwait(false);

            log.Info("file loaded", ("file", file), ("etag", source.Etag), ("format", loaded.Format.ToString()), ("records", loaded.RecordCount), ("chunks", chunkKeys.Count));
            return new LoadBatchResult(source, loaded.RecordCount, chunkKeys.Count, stagingPrefix);
        }
    }

    /// <summary>Reads the object's records into chunk objects, each written while the rest of the object is still being read.</summary>
    private async Task<(LoadedFile Loaded, IReadOnlyList<string> ChunkKeys)> WriteChunksAsync(
        GetObjectResponse response,
        string key,
        string file,
        string stagingPrefix,
        CancellationToken cancellationToken)
    {
        var uploader = new ChunkUploader(s3, settings.BucketName, stagingPrefix);
        await using (uploader.ConfigureAwait(false))
        {
            var loaded = await RecordFileReader.ReadAsync(
                response.ResponseStream,
                key,
                response.Headers.ContentType,
                file,
                settings.ReaderOptions,
                uploader,
                cancellationToken).ConfigureAwait(false);
            await uploader.CompleteAsync().ConfigureAwait(false);
            return (loaded, uploader.Keys);
        }
    }

    /// <summary>
    /// Opens the uploaded object under the event's key as given or, when that finds nothing, decoded as S3 encodes keys
    /// (see <see cref="EventObjectKey"/>). Without s3:ListBucket a missing key is denied rather than not found, so both
    /// answers move on to the next candidate. Returns the key that was found and the response whose stream is the object.
    /// </summary>
    private async Task<(string Key, GetObjectResponse Response)> OpenAsync(LoadBatchRequest request, CancellationToken cancellationToken)
    {
        var candidates = EventObjectKey.Candidates(request.Key);
        foreach (var key in candidates)
        {
            try
            {
                var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = request.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
                return (key, response);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
            {
                log.Info("no readable object under this key", ("bucket", request.Bucket), ("key", key), ("status", (int)ex.StatusCode));
            }
        }

        var tried = string.Join(" nor ", candidates.Select(key => $"'{key}'"));
        throw new InvalidInput(
            $"s3://{request.Bucket}/{request.Key}",
            null,
            null,
            $"no readable object under the key {tried}: it was deleted or replaced before the run read it, or this function may not read it");
    }
}
