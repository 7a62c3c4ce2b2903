using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;

namespace Pipeline.Functions;

/// <summary>
/// Stores one transformed chunk in the table. A chunk already recorded in the source object's
/// ledger is a no-op reported as <c>{"stored":0,"duplicate":true}</c>; otherwise the items are
/// written with BatchWriteItem (see <see cref="BatchItemWriter"/>) and the chunk is recorded.
/// </summary>
public sealed class StoreHandler : FunctionHandler<StoreRequest, StoreResult>
{
    private readonly IAmazonS3 _s3;
    private readonly StoreSettings _settings;
    private readonly SourceLedger _ledger;
    private readonly BatchItemWriter _writer;
    private readonly FunctionLog _log;

    /// <param name="delay">Waits between BatchWriteItem attempts; tests pass one that does not sleep.</param>
    public StoreHandler(
        IAmazonS3 s3,
        IAmazonDynamoDB dynamoDb,
        StoreSettings settings,
        TimeProvider clock,
        Func<TimeSpan, CancellationToken, Task> delay,
        TextWriter? log = null)
        : base(PayloadJsonContext.Default.StoreRequest, PayloadJsonContext.Default.StoreResult)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(delay);
        _s3 = s3;
        _settings = settings;
        _ledger = new SourceLedger(dynamoDb, settings.TableName, clock);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(settings.BaseDelayMs), TimeSpan.FromMilliseconds(settings.MaxDelayMs), Random.Shared);
        _writer = new BatchItemWriter(dynamoDb, settings.TableName, settings.MaxAttempts, backoff, delay);
        _log = new FunctionLog(log, FunctionIds.Store);
    }

    public override async Task<StoreResult> HandleAsync(StoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        StorageLayout.RequireWorkObject(request.TransformedKey, nameof(request));

        var chunkId = StorageLayout.ChunkIdOf(request.TransformedKey);
        if (!await _ledger.TryBeginAsync(request.Source, chunkId, cancellationToken).ConfigureAwait(false))
        {
            _log.Info("chunk already stored", ("chunk", chunkId), ("file", $"s3://{request.Source.Bucket}/{request.Source.Key}"));
            return new StoreResult(0, true);
        }

        var lines = await S3Objects.GetBytesAsync(_s3, _settings.BucketName, request.TransformedKey, cancellationToken).ConfigureAwait(false);
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var line in new NdjsonLines(lines))
        {
            if (!line.IsEmpty)
            {
                items.Add(ItemJson.ToItem(line));
            }
        }

        await _writer.WriteAsync(items, cancellationToken).ConfigureAwait(false);
        if (!await _ledger.TryCompleteAsync(request.Source, chunkId, items.Count, cancellationToken).ConfigureAwait(false))
        {
            _log.Info("chunk stored concurrently by another delivery", ("chunk", chunkId));
            return new StoreResult(0, true);
        }

        _log.Info("chunk stored", ("chunk", chunkId), ("file", $"s3://{request.Source.Bucket}/{request.Source.Key}"), ("records", items.Count));
        return new StoreResult(items.Count, false);
    }
}
