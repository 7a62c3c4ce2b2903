using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;

namespace Pipeline.Functions.Tests.Integration;

[Collection(LocalAwsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StoreIntegrationTests(LocalAwsFixture aws)
{
    [Fact]
    public async Task CsvFileOfManyRecords_ShouldBeStoredAcrossBatchesAndChunks()
    {
        var table = await aws.CreateTableAsync();
        var csv = new StringBuilder("id,value,label\n");
        for (var i = 1; i <= 130; i++)
        {
            csv.Append(i).Append(',').Append(i).Append(".5,\"item, ").Append(i).Append("\"\n");
        }

        await UploadAsync("incoming/many.csv", csv.ToString());
        var run = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch);

        await run.RunAsync("incoming/many.csv", "many-1", "2025-01-01T00:00:00Z");

        run.Stores.Sum(s => s.GetProperty("stored").GetInt32()).Should().Be(130);
        var items = await ScanRecordsAsync(table);
        items.Should().HaveCount(130);
        var item = items.Single(i => i["id"].S == "77");
        item["processed_value"].N.Should().Be("775");
        item["fields"].M["label"].S.Should().Be("item, 77");
        item["source_line"].N.Should().Be("78");
    }

    [Fact]
    public async Task Store_ShouldKeepLargeNumbersExactAndNestedFieldsWithinDynamoDbLimits()
    {
        var table = await aws.CreateTableAsync();
        var nested = new string('[', 30) + "1" + new string(']', 30);
        await UploadAsync(
            "incoming/exact.ndjson",
            "{\"id\":\"big\",\"value\":12345678901234567890123456789012345678,\"tiny\":1E-130}\n" +
            $"{{\"id\":\"top\",\"value\":9.9999999999999999999999999999999999999E+124,\"deep\":{nested},\"flags\":[true,false,null],\"obj\":{{\"a\":\"\"}}}}\n");
        var run = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch);

        await run.RunAsync("incoming/exact.ndjson", "exact-1", "2025-01-01T00:00:00Z");

        run.Validation.GetProperty("invalidCount").GetInt32().Should().Be(0);
        var items = (await ScanRecordsAsync(table)).ToDictionary(i => i["id"].S);
        items["big"]["value"].N.Should().Be("12345678901234567890123456789012345678");
        items["big"]["processed_value"].N.Should().Be("123456789012345678901234567890123456780");
        items["big"]["fields"].M["tiny"].N.Should().Be("1E-130");
        Canonical(items["top"]["processed_value"].N).Should().Be("9.9999999999999999999999999999999999999E+125", "DynamoDB may return the number in plain notation");
        items["top"]["fields"].M["flags"].L.Select(v => v.BOOL).Should().Equal(true, false, null);
        items["top"]["fields"].M["flags"].L[2].NULL.Should().BeTrue();
        items["top"]["fields"].M["obj"].M["a"].S.Should().BeEmpty();
    }

    [Fact]
    public async Task Store_WhenTheSameChunkIsStoredTwice_ShouldWriteItOnce()
    {
        var table = await aws.CreateTableAsync();
        await UploadAsync("incoming/twice.json", "[{\"id\":\"t1\",\"value\":1}]");
        var run = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch);
        await run.RunAsync("incoming/twice.json", "twice-1", "2025-01-01T00:00:00Z");
        var store = HandlerCatalog.Store.Create(new FunctionHost(
            aws.S3,
            aws.DynamoDb,
            new Dictionary<string, string> { ["BUCKET_NAME"] = LocalAwsFixture.BucketName, ["TABLE_NAME"] = table },
            TimeProvider.System,
            (_, _) => Task.CompletedTask));
        var source = run.Load.GetProperty("source");
        var payload = $"{{\"source\":{source.GetRawText()},\"transformedKey\":\"{run.Transforms[0].GetProperty("transformedKey").GetString()}\"}}";

        var retried = PayloadStreams.Parse(await store.HandleAsync(PayloadStreams.From(payload), CancellationToken.None));

        run.Stores[0].GetProperty("stored").GetInt32().Should().Be(1);
        retried.GetProperty("stored").GetInt32().Should().Be(0);
        retried.GetProperty("duplicate").GetBoolean().Should().BeTrue();
        var ledger = await aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "SOURCE#pipeline-ingest/incoming/twice.json" },
                ["sk"] = new() { S = "ETAG#" + source.GetProperty("etag").GetString() },
            },
        });
        ledger.Item["chunks"].SS.Should().Equal("000000");
        ledger.Item["stored_records"].N.Should().Be("1");
    }

    [Fact]
    public async Task Store_WhenAChunkHoldsAnItemTheTableWouldRefuse_ShouldQuarantineItStoreTheRestAndReportBothOnRedelivery()
    {
        var table = await aws.CreateTableAsync();
        var source = new SourceObject(LocalAwsFixture.BucketName, "incoming/old.ndjson", "etag-old");
        var transformer = new RecordTransformer(source, DateTimeOffset.UnixEpoch);
        using var chunk = new NdjsonWriter();
        foreach (var (id, note) in new[] { ("a", "fine"), ("b", "\\ud800 alone"), ("c", "fine too") })
        {
            // A chunk staged before the acceptance rule existed: Validate would have quarantined record b.
            transformer.Transform(Encoding.UTF8.GetBytes($"{{\"index\":0,\"line\":1,\"id\":\"{id}\",\"value\":1,\"fields\":{{\"note\":\"{note}\"}}}}"), chunk);
        }

        await UploadAsync("staging/old/transformed/000000.ndjson", Encoding.UTF8.GetString(chunk.ToArray()));
        var store = Store(table);
        var request = new StoreRequest(source, "staging/old/transformed/000000.ndjson");

        var first = await store.HandleAsync(request);
        var again = await store.HandleAsync(request);

        first.Should().Be(new StoreResult(2, false, 1, 3));
        again.Should().Be(new StoreResult(0, true, 0, 3));
        (await ScanRecordsAsync(table)).Select(item => item["id"].S).Should().BeEquivalentTo("a", "c");
        using var refused = await aws.S3.GetObjectAsync(LocalAwsFixture.BucketName, StorageLayout.RejectedKey(source, "000000"));
        var line = System.Text.Json.JsonDocument.Parse(await new StreamReader(refused.ResponseStream).ReadToEndAsync()).RootElement;
        line.GetProperty("item").GetProperty("id").GetString().Should().Be("b");
        line.GetProperty("reasons")[0].GetString().Should().Contain("fields.note holds the escape \\ud800");
    }

    private StoreHandler Store(string table) => (StoreHandler)HandlerCatalog.Store.Create(new FunctionHost(
        aws.S3,
        aws.DynamoDb,
        new Dictionary<string, string> { ["BUCKET_NAME"] = LocalAwsFixture.BucketName, ["TABLE_NAME"] = table },
        TimeProvider.System,
        (_, _) => Task.CompletedTask));

    private static string Canonical(string number)
    {
        var text = new byte[DynamoNumber.MaxFormattedLength];
        return Encoding.UTF8.GetString(text, 0, DynamoNumber.Format(Encoding.UTF8.GetBytes(number), 0, text));
    }

    private async Task UploadAsync(string key, string content) =>
        await aws.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = LocalAwsFixture.BucketName,
            Key = key,
            ContentBody = content,
            UseChunkEncoding = false,
        });

    private async Task<List<Dictionary<string, AttributeValue>>> ScanRecordsAsync(string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await aws.DynamoDb.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items.Where(i => i["sk"].S == ItemKeys.RecordSortKey));
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);

        return items;
    }
}
