using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;

namespace Pipeline.Functions.Tests.Handlers;

public sealed class StoreHandlerTests
{
    private const string Bucket = InMemoryPipeline.Bucket;
    private const string Table = "records";
    private const string TransformedKey = "staging/e/transformed/000002.ndjson";
    private static readonly SourceObject Source = new(Bucket, "incoming/a.json", "etag1");

    private readonly InMemoryS3 s3 = new();
    private readonly Mock<IAmazonDynamoDB> dynamoDb = new(MockBehavior.Strict);
    private readonly List<BatchWriteItemRequest> batches = [];
    private readonly List<UpdateItemRequest> ledgerUpdates = [];
    private readonly List<TimeSpan> delays = [];

    public StoreHandlerTests()
    {
        dynamoDb.Setup(d => d.UpdateItemAsync(It.IsAny<UpdateItemRequest>(), It.IsAny<CancellationToken>()))
            .Callback((UpdateItemRequest r, CancellationToken _) => ledgerUpdates.Add(r))
            .ReturnsAsync(new UpdateItemResponse());
    }

    [Fact]
    public async Task HandleAsync_ShouldWriteEveryItemAndRecordTheChunkInTheLedger()
    {
        StageItems(3);
        AnswerBatches(_ => null);

        var output = PayloadStreams.Parse(await Handler().HandleAsync(PayloadStreams.From(
            $"{{\"source\":{{\"bucket\":\"{Bucket}\",\"key\":\"incoming/a.json\",\"etag\":\"etag1\"}},\"transformedKey\":\"{TransformedKey}\"}}")));

        output.GetProperty("stored").GetInt32().Should().Be(3);
        output.GetProperty("duplicate").GetBoolean().Should().BeFalse();
        WrittenKeys(batches.Single()).Should().Equal("RECORD#1", "RECORD#2", "RECORD#3");
        var item = batches.Single().RequestItems[Table][0].PutRequest.Item;
        item["processed_value"].N.Should().Be("10");
        item["fields"].M["tag"].S.Should().Be("t1");
        item["source_etag"].S.Should().Be("etag1");
        ledgerUpdates.Should().HaveCount(2);
        ledgerUpdates.Should().AllSatisfy(u =>
        {
            (u.Key["pk"].S, u.Key["sk"].S).Should().Be(("SOURCE#ingest-bucket/incoming/a.json", "ETAG#etag1"), "the ledger entry is the source's version");
            u.ConditionExpression.Should().Be("NOT contains(#chunks, :chunk)", "a chunk is recorded once");
            u.ExpressionAttributeValues[":chunk"].S.Should().Be("000002");
        });
        ledgerUpdates[1].ExpressionAttributeValues[":chunks"].SS.Should().Equal("000002");
    }

    [Fact]
    public async Task StoreAsync_ShouldSendAtMost25ItemsPerBatchWriteItemRequest()
    {
        StageItems(60);
        AnswerBatches(_ => null);

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Stored.Should().Be(60);
        batches.Select(b => b.RequestItems[Table].Count).Should().Equal(25, 25, 10);
    }

    [Fact]
    public async Task StoreAsync_WhenItemsAreUnprocessed_ShouldRetryThemWithBackoffAndSucceed()
    {
        StageItems(5);
        AnswerBatches(request => batches.Count == 1 ? request.RequestItems[Table].Skip(3).ToList() : null);

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Should().Be(new StoreResult(5, false, 0, 5));
        batches.Should().HaveCount(2);
        WrittenKeys(batches[1]).Should().Equal("RECORD#4", "RECORD#5");
        delays.Should().ContainSingle().Which.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(50), "the first retry waits between half and all of the base delay");
        ledgerUpdates.Should().HaveCount(2, "the chunk is recorded once everything is written");
    }

    [Fact]
    public async Task StoreAsync_WhenItemsStayUnprocessed_ShouldGiveUpAfterItsBoundNamingTheKeysNotWritten()
    {
        StageItems(30);
        AnswerBatches(request => request.RequestItems[Table].Skip(1).ToList());

        var act = () => Handler(maxAttempts: 4).HandleAsync(new StoreRequest(Source, TransformedKey));

        var error = (await act.Should().ThrowAsync<StoreIncomplete>()).Which;
        error.GetType().Name.Should().Be("StoreIncomplete");
        error.Attempts.Should().Be(4);
        error.UnwrittenKeys.Should().Equal(Enumerable.Range(5, 26).Select(i => $"RECORD#{i}"), "the first batch lost one item per attempt and the second batch was never sent");
        error.Message.Should().Contain("RECORD#5").And.Contain("RECORD#30").And.Contain("after 4 attempt(s)");
        batches.Should().HaveCount(4);
        delays.Should().HaveCount(3);
        delays[2].Should().BeGreaterThan(delays[0], "the backoff grows");
        ledgerUpdates.Should().HaveCount(1, "an incomplete chunk is not recorded as stored");
    }

    [Fact]
    public async Task StoreAsync_WhenTheLedgerConditionFails_ShouldBeANoOpReportedAsDuplicateWithTheChunksRecordCount()
    {
        StageItems(4);
        dynamoDb.Setup(d => d.UpdateItemAsync(It.IsAny<UpdateItemRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConditionalCheckFailedException("The conditional request failed"));

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Should().Be(new StoreResult(0, true, 0, 4));
        dynamoDb.Verify(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        s3.Keys(Bucket).Should().Equal(TransformedKey);
    }

    [Fact]
    public async Task StoreAsync_WhenAnItemFailsTheAcceptanceRule_ShouldQuarantineItWithItsReasonAndStoreTheRest()
    {
        StageItems(3, badRecord: 2);
        AnswerBatches(_ => null);

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Should().Be(new StoreResult(2, false, 1, 3));
        WrittenKeys(batches.Single()).Should().Equal("RECORD#1", "RECORD#3");
        var quarantined = QuarantinedLines().Should().ContainSingle().Subject;
        quarantined.GetProperty("reasons")[0].GetString().Should().Contain("fields.tag holds the escape \\udc00");
        quarantined.GetProperty("item").GetProperty("id").GetString().Should().Be("2");
        quarantined.GetProperty("source").GetProperty("key").GetString().Should().Be("incoming/a.json");
        ledgerUpdates.Should().HaveCount(2, "the chunk is recorded as stored once every record is stored or quarantined");
    }

    [Fact]
    public async Task StoreAsync_WhenDynamoDbRefusesABatchAsInvalid_ShouldWriteItsItemsOneByOneAndQuarantineOnlyTheRefusedOne()
    {
        StageItems(3);
        dynamoDb.Setup(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BatchWriteItemRequest request, CancellationToken _) =>
            {
                batches.Add(request);
                return WrittenKeys(request).Contains("RECORD#2")
                    ? throw new AmazonDynamoDBException("One or more parameter values were invalid") { ErrorCode = "ValidationException" }
                    : new BatchWriteItemResponse { UnprocessedItems = [] };
            });

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Should().Be(new StoreResult(2, false, 1, 3));
        batches.Select(batch => string.Join(" ", WrittenKeys(batch))).Should().Equal(
            "RECORD#1 RECORD#2 RECORD#3", "RECORD#1", "RECORD#2", "RECORD#3");
        var quarantined = QuarantinedLines().Should().ContainSingle().Subject;
        quarantined.GetProperty("reasons")[0].GetString().Should().Be("DynamoDB refused the item: One or more parameter values were invalid");
        quarantined.GetProperty("item").GetProperty("pk").GetString().Should().Be("RECORD#2");
    }

    [Fact]
    public async Task StoreAsync_WhenAnotherDeliveryRecordsTheChunkFirst_ShouldReportDuplicate()
    {
        StageItems(2);
        AnswerBatches(_ => null);
        var updates = 0;
        dynamoDb.Setup(d => d.UpdateItemAsync(It.IsAny<UpdateItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++updates == 2
                ? Task.FromException<UpdateItemResponse>(new ConditionalCheckFailedException("The conditional request failed"))
                : Task.FromResult(new UpdateItemResponse()));

        var result = await Handler().HandleAsync(new StoreRequest(Source, TransformedKey));

        result.Should().Be(new StoreResult(0, true, 0, 2));
    }

    private StoreHandler Handler(int maxAttempts = StoreSettings.DefaultMaxAttempts) =>
        new(s3.Object, dynamoDb.Object, new StoreSettings(Bucket, Table, maxAttempts), new FixedClock(DateTimeOffset.UnixEpoch), RecordDelay);

    private Task RecordDelay(TimeSpan delay, CancellationToken cancellationToken)
    {
        delays.Add(delay);
        return Task.CompletedTask;
    }

    /// <param name="badRecord">A record whose item breaks the acceptance rule (a chunk written before the rule, say).</param>
    private void StageItems(int count, int badRecord = 0)
    {
        var transformer = new RecordTransformer(Source, DateTimeOffset.UnixEpoch);
        using var output = new NdjsonWriter();
        for (var i = 1; i <= count; i++)
        {
            var tag = i == badRecord ? "\\udc00" : $"t{i}";
            transformer.Transform(Encoding.UTF8.GetBytes($"{{\"index\":{i - 1},\"line\":{i},\"id\":\"{i}\",\"value\":{i},\"fields\":{{\"tag\":\"{tag}\"}}}}"), output);
        }

        s3.Upload(Bucket, TransformedKey, output.ToArray());
    }

    private List<System.Text.Json.JsonElement> QuarantinedLines() =>
        s3.ReadText(Bucket, StorageLayout.RejectedKey(Source, "000002")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .ToList();

    /// <summary>Answers each BatchWriteItem call with the unprocessed requests the function returns (null: none).</summary>
    private void AnswerBatches(Func<BatchWriteItemRequest, List<WriteRequest>?> unprocessed) =>
        dynamoDb.Setup(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BatchWriteItemRequest request, CancellationToken _) =>
            {
                batches.Add(request);
                var left = unprocessed(request);
                return new BatchWriteItemResponse
                {
                    UnprocessedItems = left is null ? [] : new Dictionary<string, List<WriteRequest>> { [Table] = left },
                };
            });

    private static List<string> WrittenKeys(BatchWriteItemRequest request) =>
        request.RequestItems[Table].Select(r => r.PutRequest.Item["pk"].S).ToList();
}
