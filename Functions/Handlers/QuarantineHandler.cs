using Amazon.S3;

namespace Pipeline.Functions;

/// <summary>
/// Writes the invalid records of one file, each with its reasons, as NDJSON under
/// <c>quarantine/</c> named after the source object (see <see cref="StorageLayout.QuarantineKey"/>),
/// so no record is ever dropped.
/// </summary>
public sealed class QuarantineHandler : FunctionHandler<QuarantineRequest, QuarantineResult>
{
    private readonly IAmazonS3 _s3;
    private readonly BucketSettings _settings;
    private readonly FunctionLog _log;

    public QuarantineHandler(IAmazonS3 s3, BucketSettings settings, TextWriter? log = null)
        : base(PayloadJsonContext.Default.QuarantineRequest, PayloadJsonContext.Default.QuarantineResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(settings);
        _s3 = s3;
        _settings = settings;
        _log = new FunctionLog(log, FunctionIds.Quarantine);
    }

    public override async Task<QuarantineResult> HandleAsync(QuarantineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        if (request.InvalidKey is null)
        {
            return new QuarantineResult(0, null);
        }

        StorageLayout.RequireWorkObject(request.InvalidKey, nameof(request));

        var invalid = await S3Objects.GetBytesAsync(_s3, _settings.BucketName, request.InvalidKey, cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var line in new NdjsonLines(invalid))
        {
            if (!line.IsEmpty)
            {
                count++;
            }
        }

        var quarantineKey = StorageLayout.QuarantineKey(request.Source);
        await S3Objects.PutAsync(_s3, _settings.BucketName, quarantineKey, invalid, S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        _log.Info("records quarantined", ("file", $"s3://{request.Source.Bucket}/{request.Source.Key}"), ("records", count), ("quarantineKey", quarantineKey));
        return new QuarantineResult(count, quarantineKey);
    }
}
