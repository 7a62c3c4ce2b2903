using Amazon.S3;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Logging;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Handlers;

/// <summary>
/// Transforms one valid chunk: <c>processed_value = value * 10</c>, ids as strings, deterministic
/// item keys and lineage (source object, record position, ingestion time). Writes the item lines
/// to <c>staging/&lt;executionName&gt;/transformed/</c> under the chunk's id.
/// </summary>
public sealed class TransformHandler : FunctionHandler<TransformRequest, TransformResult>
{
    private readonly IAmazonS3 s3;
    private readonly BucketSettings settings;
    private readonly TimeProvider clock;
    private readonly FunctionLog log;

    public TransformHandler(IAmazonS3 s3, BucketSettings settings, TimeProvider clock, TextWriter? log = null)
        : base(PayloadJsonContext.Default.TransformRequest, PayloadJsonContext.Default.TransformResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        this.s3 = s3;
        this.settings = settings;
        this.clock = clock;
        this.log = new FunctionLog(log, FunctionIds.Transform);
    }

    public override async Task<TransformResult> HandleAsync(TransformRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        StorageLayout.RequireUnderStagingPrefix(request.ChunkKey, request.StagingPrefix);
        var chunk = await S3Objects.GetBytesAsync(s3, settings.BucketName, request.ChunkKey, cancellationToken).ConfigureAwait(false);

        var transformer = new RecordTransformer(request.Source, request.IngestedAt ?? clock.GetUtcNow());
        using var output = new NdjsonWriter(chunk.Length * 2);
        foreach (var line in new NdjsonLines(chunk))
        {
            if (!line.IsEmpty)
            {
                transformer.Transform(line, output);
            }
        }

        var transformedKey = StorageLayout.TransformedChunkKey(request.StagingPrefix, StorageLayout.ChunkIdOf(request.ChunkKey));
        await S3Objects.PutAsync(s3, settings.BucketName, transformedKey, output.ToArray(), S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        log.Info("chunk transformed", ("chunk", request.ChunkKey), ("records", output.LineCount));
        return new TransformResult(transformedKey, output.LineCount);
    }
}
