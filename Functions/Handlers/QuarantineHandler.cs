using Amazon.S3;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Logging;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Handlers;

/// <summary>
/// Ends a run: writes the invalid records of the file, each with its reasons, as NDJSON under <c>quarantine/</c> named
/// after the source object (see <see cref="StorageLayout.QuarantineKey"/>), and accounts for every record: Validate's
/// valid ones must all be stored, refused by the table (Store quarantined those) or stored by an earlier delivery, and
/// its invalid ones all quarantined, or the run fails with <see cref="RecordsUnaccounted"/> naming the difference.
/// </summary>
public sealed class QuarantineHandler : FunctionHandler<QuarantineRequest, QuarantineResult>
{
    private readonly IAmazonS3 s3;
    private readonly BucketSettings settings;
    private readonly FunctionLog log;

    public QuarantineHandler(IAmazonS3 s3, BucketSettings settings, TextWriter? log = null)
        : base(PayloadJsonContext.Default.QuarantineRequest, PayloadJsonContext.Default.QuarantineResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        this.s3 = s3;
        this.settings = settings;
        this.log = new FunctionLog(log, FunctionIds.Quarantine);
    }

    public override async Task<QuarantineResult> HandleAsync(QuarantineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        var file = $"s3://{request.Source.Bucket}/{request.Source.Key}";
        var (chunks, failedChunks) = request.ChunkResultsKey is { } resultsKey
            ? await ChunkResults.ReadAsync(s3, settings.BucketName, resultsKey, cancellationToken).ConfigureAwait(false)
            : (request.Chunks ?? [], 0);
        var invalid = 0;
        string? quarantineKey = null;
        if (request.InvalidKey is not null)
        {
            StorageLayout.RequireStagingObject(request.InvalidKey, nameof(request));
            var records = await S3Objects.GetBytesAsync(s3, settings.BucketName, request.InvalidKey, cancellationToken).ConfigureAwait(false);
            foreach (var line in new NdjsonLines(records))
            {
                if (!line.IsEmpty)
                {
                    invalid++;
                }
            }

            quarantineKey = StorageLayout.QuarantineKey(request.Source);
            await S3Objects.PutAsync(s3, settings.BucketName, quarantineKey, records, S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        }

        var stored = chunks.Where(chunk => !chunk.Duplicate).Sum(chunk => chunk.Stored);
        var rejected = chunks.Where(chunk => !chunk.Duplicate).Sum(chunk => chunk.Rejected);
        var alreadyStored = chunks.Where(chunk => chunk.Duplicate).Sum(chunk => chunk.Count);
        var accounted = stored + rejected + alreadyStored;
        if (invalid != request.InvalidCount || accounted != request.ValidCount)
        {
            throw new RecordsUnaccounted(
                file,
                $"Validate found {request.ValidCount} valid and {request.InvalidCount} invalid records, but {stored} were stored, {rejected} refused by the table, "
                + $"{alreadyStored} stored by an earlier delivery and {invalid} quarantined as invalid: {request.ValidCount + request.InvalidCount - accounted - invalid} unaccounted for"
                + (failedChunks > 0 ? $" ({failedChunks} chunk(s) failed to store; see {request.ChunkResultsKey})" : string.Empty));
        }

        log.Info(
            "records accounted for",
            ("file", file),
            ("stored", stored),
            ("alreadyStored", alreadyStored),
            ("invalid", invalid),
            ("rejected", rejected),
            ("quarantineKey", quarantineKey));
        return new QuarantineResult(invalid + rejected, quarantineKey, stored, rejected, alreadyStored, chunks.Count);
    }
}
