using Amazon.S3;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Logging;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Handlers;

/// <summary>
/// Validates every chunk LoadBatch's manifest lists in a single call (so duplicate ids are found across the
/// whole file), writes the valid records as valid chunks, listed one JSON line each for the Map that stores
/// them, and the invalid ones, with their reasons, to one invalid-records object; valid + invalid = total =
/// the records LoadBatch read.
/// </summary>
public sealed class ValidateHandler : FunctionHandler<ValidateRequest, ValidateResult>
{
    private readonly IAmazonS3 s3;
    private readonly BucketSettings settings;
    private readonly FunctionLog log;

    public ValidateHandler(IAmazonS3 s3, BucketSettings settings, TextWriter? log = null)
        : base(PayloadJsonContext.Default.ValidateRequest, PayloadJsonContext.Default.ValidateResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        this.s3 = s3;
        this.settings = settings;
        this.log = new FunctionLog(log, FunctionIds.Validate);
    }

    public override async Task<ValidateResult> HandleAsync(ValidateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        var stagingPrefix = request.StagingPrefix;
        var manifestKey = StorageLayout.ManifestKey(stagingPrefix);
        StorageLayout.RequireUnderStagingPrefix(manifestKey, stagingPrefix);
        var manifest = Payloads.Parse(
            await S3Objects.GetBytesAsync(s3, settings.BucketName, manifestKey, cancellationToken).ConfigureAwait(false),
            PayloadJsonContext.Default.ChunkManifest);
        RequireSameSource(request.Source, manifest.Source);

        using var validator = new RecordValidator(manifest.Source, manifest.RecordCount);
        using var valid = new NdjsonWriter();
        using var invalid = new NdjsonWriter();
        var validChunkKeys = new List<string>();
        foreach (var chunkKey in manifest.ChunkKeys)
        {
            StorageLayout.RequireUnderStagingPrefix(chunkKey, stagingPrefix);
            var chunk = await S3Objects.GetBytesAsync(s3, settings.BucketName, chunkKey, cancellationToken).ConfigureAwait(false);
            valid.Clear();
            foreach (var line in new NdjsonLines(chunk))
            {
                if (!line.IsEmpty)
                {
                    validator.Validate(line, valid, invalid);
                }
            }

            if (valid.LineCount > 0)
            {
                var validKey = StorageLayout.ValidChunkKey(stagingPrefix, StorageLayout.ChunkIdOf(chunkKey));
                await S3Objects.PutAsync(s3, settings.BucketName, validKey, valid.ToArray(), S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
                validChunkKeys.Add(validKey);
            }
        }

        validator.RequireTotal(manifest.RecordCount);
        var validChunkListKey = StorageLayout.ValidChunkListKey(stagingPrefix);
        await S3Objects.PutAsync(s3, settings.BucketName, validChunkListKey, ValidChunkList(validChunkKeys), S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        string? invalidKey = null;
        if (invalid.LineCount > 0)
        {
            invalidKey = StorageLayout.InvalidRecordsKey(stagingPrefix);
            await S3Objects.PutAsync(s3, settings.BucketName, invalidKey, invalid.ToArray(), S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        }

        log.Info(
            "records validated",
            ("file", $"s3://{manifest.Source.Bucket}/{manifest.Source.Key}"),
            ("total", validator.TotalCount),
            ("valid", validator.ValidCount),
            ("invalid", validator.InvalidCount));
        return new ValidateResult(
            validator.TotalCount,
            validator.ValidCount,
            validator.InvalidCount,
            validChunkKeys.Count,
            validChunkListKey,
            request.ListValidChunkKeys ? validChunkKeys : [],
            invalidKey);
    }

    private static byte[] ValidChunkList(IEnumerable<string> validChunkKeys)
    {
        using var list = new MemoryStream();
        foreach (var key in validChunkKeys)
        {
            System.Text.Json.JsonSerializer.Serialize(list, new ValidChunk(key), PayloadJsonContext.Default.ValidChunk);
            list.WriteByte((byte)'\n');
        }

        return list.ToArray();
    }

    private static void RequireSameSource(SourceObject passed, SourceObject loaded)
    {
        if (passed.Bucket != loaded.Bucket || passed.Key != loaded.Key ||
            StorageLayout.NormalizeEtag(passed.Etag) != StorageLayout.NormalizeEtag(loaded.Etag))
        {
            throw new InvalidOperationException(
                $"the source passed (s3://{passed.Bucket}/{passed.Key} {passed.Etag}) is not the one loaded (s3://{loaded.Bucket}/{loaded.Key} {loaded.Etag})");
        }
    }
}
