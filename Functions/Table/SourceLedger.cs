using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Table;

/// <summary>
/// One ledger item per source object version (bucket, key, ETag) recording which chunks were
/// stored. Store first checks, with a conditional update of the ledger item, that the chunk is not
/// recorded yet; then writes the records; then adds the chunk to the ledger under the same
/// condition. A record item's key depends only on the record id, so a crash between the steps is
/// repaired by the next attempt writing the same items.
/// </summary>
public sealed class SourceLedger
{
    private const string ChunksAttribute = "chunks";
    private const string StoredRecordsAttribute = "stored_records";
    private const string NotYetStored = "NOT contains(#chunks, :chunk)";

    private readonly IAmazonDynamoDB dynamoDb;
    private readonly string table;
    private readonly TimeProvider clock;

    public SourceLedger(IAmazonDynamoDB dynamoDb, string table, TimeProvider clock)
    {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /// <summary>
    /// Creates or touches the ledger item, on condition that the chunk is not recorded yet.
    /// False when it is: the chunk was stored before and nothing must be written.
    /// </summary>
    public Task<bool> TryBeginAsync(SourceObject source, string chunkId, CancellationToken cancellationToken) =>
        TryUpdateAsync(
            new UpdateItemRequest
            {
                UpdateExpression = "SET #bucket = :bucket, #key = :key, #etag = :etag, #seen = :now",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#bucket"] = RecordAttributes.SourceBucket,
                    ["#key"] = RecordAttributes.SourceKey,
                    ["#etag"] = RecordAttributes.SourceEtag,
                    ["#seen"] = "last_seen_at",
                    ["#chunks"] = ChunksAttribute,
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":bucket"] = new() { S = source.Bucket },
                    [":key"] = new() { S = source.Key },
                    [":etag"] = new() { S = StorageLayout.NormalizeEtag(source.Etag) },
                    [":now"] = new() { S = Now() },
                    [":chunk"] = new() { S = chunkId },
                },
            },
            source,
            cancellationToken);

    /// <summary>Records the chunk as stored; false when another delivery recorded it first.</summary>
    public Task<bool> TryCompleteAsync(SourceObject source, string chunkId, int storedRecords, CancellationToken cancellationToken) =>
        TryUpdateAsync(
            new UpdateItemRequest
            {
                UpdateExpression = "ADD #chunks :chunks, #stored :stored SET #updated = :now",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#chunks"] = ChunksAttribute,
                    ["#stored"] = StoredRecordsAttribute,
                    ["#updated"] = "updated_at",
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":chunks"] = new() { SS = [chunkId] },
                    [":chunk"] = new() { S = chunkId },
                    [":stored"] = new() { N = storedRecords.ToString(CultureInfo.InvariantCulture) },
                    [":now"] = new() { S = Now() },
                },
            },
            source,
            cancellationToken);

    private async Task<bool> TryUpdateAsync(UpdateItemRequest request, SourceObject source, CancellationToken cancellationToken)
    {
        request.TableName = table;
        request.Key = new Dictionary<string, AttributeValue>
        {
            [TableSchema.PartitionKey] = new() { S = ItemKeys.LedgerPartitionKey(source) },
            [TableSchema.SortKey] = new() { S = ItemKeys.LedgerSortKey(source) },
        };
        request.ConditionExpression = NotYetStored;
        try
        {
            await dynamoDb.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private string Now() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
