using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Table;

/// <summary>
/// Writes items with BatchWriteItem, 25 per request. Unprocessed items are sent again after a
/// backoff, up to the attempt bound; then it stops and throws <see cref="StoreIncomplete"/>
/// listing every key not written (the rest of that batch and all later batches). A batch DynamoDB
/// refuses as invalid (one bad item fails the whole request) is written again one item at a time,
/// so that only the items DynamoDB refuses on their own are left out, and returned.
/// </summary>
public sealed class BatchItemWriter
{
    public const int MaxItemsPerRequest = 25;

    private readonly IAmazonDynamoDB dynamoDb;
    private readonly string table;
    private readonly int maxAttempts;
    private readonly Backoff backoff;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;

    public BatchItemWriter(IAmazonDynamoDB dynamoDb, string table, int maxAttempts, Backoff backoff, Func<TimeSpan, CancellationToken, Task> delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.delay = delay;
    }

    /// <returns>The items DynamoDB refused, by their index in <paramref name="items"/>, with its message.</returns>
    public async Task<IReadOnlyList<(int Index, string Reason)>> WriteAsync(IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var refused = new List<(int Index, string Reason)>();
        for (var start = 0; start < items.Count; start += MaxItemsPerRequest)
        {
            var batch = items.Skip(start).Take(MaxItemsPerRequest).ToList();
            try
            {
                await WriteBatchAsync(batch, items, start, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonDynamoDBException ex) when (ex.ErrorCode == "ValidationException")
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        await WriteBatchAsync([batch[i]], items, start + i, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AmazonDynamoDBException single) when (single.ErrorCode == "ValidationException")
                    {
                        refused.Add((start + i, $"DynamoDB refused the item: {single.Message}"));
                    }
                }
            }
        }

        return refused;
    }

    /// <summary>Writes one batch, sending unprocessed items again after a backoff until the attempt bound.</summary>
    private async Task WriteBatchAsync(List<Dictionary<string, AttributeValue>> batch, IReadOnlyList<Dictionary<string, AttributeValue>> items, int start, CancellationToken cancellationToken)
    {
        var pending = batch.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var response = await dynamoDb.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>> { [table] = pending } },
                cancellationToken).ConfigureAwait(false);
            pending = response.UnprocessedItems is { } unprocessed && unprocessed.TryGetValue(table, out var left) && left is not null
                ? left
                : [];
            if (pending.Count == 0)
            {
                break;
            }

            if (attempt == maxAttempts)
            {
                var unwritten = pending.Select(r => r.PutRequest.Item)
                    .Concat(items.Skip(start + batch.Count))
                    .Select(KeyOf)
                    .ToList();
                throw new StoreIncomplete(table, maxAttempts, unwritten);
            }

            await delay(backoff.DelayBefore(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string KeyOf(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(TableSchema.PartitionKey, out var key) && key.S is not null ? key.S : "(no key)";
}
