using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Logging;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Table;

namespace Pipeline.Functions.Handlers;

/// <summary>
/// Stores one transformed chunk in the table. A chunk already recorded in the source object's
/// ledger is a no-op reported as a duplicate; otherwise the items are written with BatchWriteItem
/// (see <see cref="BatchItemWriter"/>) and the chunk is recorded. An item the table would refuse
/// (<see cref="StorableItem"/>) or does refuse is not lost: it goes to the chunk's rejected file
/// under <c>quarantine/</c>, and the result counts it: stored + rejected = the chunk's records.
/// </summary>
public sealed class StoreHandler : FunctionHandler<StoreRequest, StoreResult>
{
    private readonly IAmazonS3 s3;
    private readonly StoreSettings settings;
    private readonly SourceLedger ledger;
    private readonly BatchItemWriter writer;
    private readonly FunctionLog log;

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
        this.s3 = s3;
        this.settings = settings;
        ledger = new SourceLedger(dynamoDb, settings.TableName, clock);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(settings.BaseDelayMs), TimeSpan.FromMilliseconds(settings.MaxDelayMs), Random.Shared);
        writer = new BatchItemWriter(dynamoDb, settings.TableName, settings.MaxAttempts, backoff, delay);
        this.log = new FunctionLog(log, FunctionIds.Store);
    }

    public override async Task<StoreResult> HandleAsync(StoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        StorageLayout.RequireStagingObject(request.TransformedKey, nameof(request));

        var chunkId = StorageLayout.ChunkIdOf(request.TransformedKey);
        var file = $"s3://{request.Source.Bucket}/{request.Source.Key}";
        var lines = await S3Objects.GetBytesAsync(s3, settings.BucketName, request.TransformedKey, cancellationToken).ConfigureAwait(false);
        var ranges = LineRanges(lines);
        if (!await ledger.TryBeginAsync(request.Source, chunkId, cancellationToken).ConfigureAwait(false))
        {
            log.Info("chunk already stored", ("chunk", chunkId), ("file", file));
            return new StoreResult(0, true, 0, ranges.Count);
        }

        // The acceptance rule Validate applied: an item that fails it now (a chunk written by an older version) is refused here.
        var items = new List<Dictionary<string, AttributeValue>>(ranges.Count);
        var sent = new List<(int Start, int Length)>(ranges.Count);
        var rejected = new List<((int Start, int Length) Line, IReadOnlyList<string> Reasons)>();
        foreach (var range in ranges)
        {
            var line = lines.AsSpan(range.Start, range.Length);
            var problems = new List<string>();
            StorableItem.Check(line, problems);
            if (problems.Count > 0)
            {
                rejected.Add((range, problems));
                continue;
            }

            items.Add(ItemJson.ToItem(line));
            sent.Add(range);
        }

        var refused = await writer.WriteAsync(items, cancellationToken).ConfigureAwait(false);
        foreach (var (index, reason) in refused)
        {
            rejected.Add((sent[index], [reason]));
        }

        var stored = items.Count - refused.Count;

        if (rejected.Count > 0)
        {
            await QuarantineAsync(request.Source, chunkId, lines, rejected, cancellationToken).ConfigureAwait(false);
        }

        if (!await ledger.TryCompleteAsync(request.Source, chunkId, stored, cancellationToken).ConfigureAwait(false))
        {
            log.Info("chunk stored concurrently by another delivery", ("chunk", chunkId));
            return new StoreResult(0, true, 0, ranges.Count);
        }

        log.Info("chunk stored", ("chunk", chunkId), ("file", file), ("records", stored), ("rejected", rejected.Count));
        return new StoreResult(stored, false, rejected.Count, ranges.Count);
    }

    private static List<(int Start, int Length)> LineRanges(byte[] text)
    {
        var ranges = new List<(int Start, int Length)>();
        var lines = new NdjsonLines(text);
        while (lines.MoveNext())
        {
            if (!lines.Current.IsEmpty)
            {
                ranges.Add((lines.Offset, lines.Current.Length));
            }
        }

        return ranges;
    }

    /// <summary>
    /// Writes the records the table refused, each with its reasons and its item, to the chunk's rejected file under
    /// <c>quarantine/</c>, before the chunk is recorded as stored: a retry writes the same file, and nothing is lost.
    /// </summary>
    private async Task QuarantineAsync(
        SourceObject source, string chunkId, byte[] lines, List<((int Start, int Length) Line, IReadOnlyList<string> Reasons)> rejected, CancellationToken cancellationToken)
    {
        using var output = new NdjsonWriter();
        foreach (var ((start, length), reasons) in rejected.OrderBy(entry => entry.Line.Start))
        {
            var json = output.Json;
            json.WriteStartObject();
            json.WritePropertyName("source"u8);
            JsonSerializer.Serialize(json, source, PayloadJsonContext.Default.SourceObject);
            json.WriteStartArray("reasons"u8);
            foreach (var reason in reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WritePropertyName("item"u8);
            json.WriteRawValue(lines.AsSpan(start, length), skipInputValidation: true);
            json.WriteEndObject();
            output.EndLine();
        }

        var key = StorageLayout.RejectedKey(source, chunkId);
        await S3Objects.PutAsync(s3, settings.BucketName, key, output.ToArray(), S3Objects.NdjsonContentType, cancellationToken).ConfigureAwait(false);
        log.Info("records the table refused quarantined", ("chunk", chunkId), ("records", rejected.Count), ("quarantineKey", key));
    }
}
