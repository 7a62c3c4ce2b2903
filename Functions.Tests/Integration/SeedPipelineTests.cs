using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;

namespace Pipeline.Functions.Tests.Integration;

[Collection(LocalAwsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SeedPipelineTests(LocalAwsFixture aws)
{
    private const string SeedFile = "{\"records\":[{\"id\":1,\"value\":20},{\"id\":2,\"value\":30},{\"id\":3}]}";

    [Fact]
    public async Task SeedFile_ShouldStoreTwoItemsAndQuarantineTheRecordWithoutValue()
    {
        var table = await aws.CreateTableAsync();
        await UploadAsync("incoming/seed-1.json", SeedFile);
        var run = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch);

        await run.RunAsync("incoming/seed-1.json", "seed-run-1", "2025-01-01T00:00:00Z");

        run.Load.GetProperty("recordCount").GetInt32().Should().Be(3);
        run.Validation.GetProperty("totalCount").GetInt32().Should().Be(3);
        run.Validation.GetProperty("validCount").GetInt32().Should().Be(2);
        run.Validation.GetProperty("invalidCount").GetInt32().Should().Be(1);
        run.Stores.Sum(s => s.GetProperty("stored").GetInt32()).Should().Be(2);

        var records = await RecordItemsAsync(table);
        records.Select(r => (r["id"].S, r["processed_value"].N)).Should().BeEquivalentTo([("1", "200"), ("2", "300")]);
        records.Should().AllSatisfy(r =>
        {
            r["source_key"].S.Should().Be("incoming/seed-1.json", $"record {r["id"].S} names its file");
            r["ingested_at"].S.Should().Be("2025-01-01T00:00:00.000Z", $"record {r["id"].S} carries the execution's start");
        });

        run.Quarantine.GetProperty("quarantined").GetInt32().Should().Be(1);
        var quarantined = InMemoryPipeline.Lines(await ReadAsync(run.Quarantine.GetProperty("quarantineKey").GetString()!));
        quarantined.Should().ContainSingle();
        quarantined[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Equal("value is missing");
        quarantined[0].GetProperty("record").GetProperty("id").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task SeedFile_WhenLoadedAgain_ShouldStoreNothingNewAndReportTheDuplicate()
    {
        var table = await aws.CreateTableAsync();
        await UploadAsync("incoming/seed-2.json", SeedFile);
        await new PipelineRun(aws, table, DateTimeOffset.UnixEpoch).RunAsync("incoming/seed-2.json", "seed-run-2a", "2025-01-01T00:00:00Z");
        var firstItems = await RecordItemsAsync(table);

        var again = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch.AddDays(1));
        await again.RunAsync("incoming/seed-2.json", "seed-run-2b", "2025-01-02T00:00:00Z");

        again.Stores.Should().ContainSingle();
        again.Stores[0].GetProperty("stored").GetInt32().Should().Be(0);
        again.Stores[0].GetProperty("duplicate").GetBoolean().Should().BeTrue();
        var secondItems = await RecordItemsAsync(table);
        secondItems.Should().HaveCount(2);
        secondItems.Select(i => i["ingested_at"].S).Should().OnlyContain(t => t == "2025-01-01T00:00:00.000Z", "the second delivery wrote nothing");
        secondItems.Select(i => i["id"].S).Should().BeEquivalentTo(firstItems.Select(i => i["id"].S));
    }

    [Fact]
    public async Task NewVersionOfTheSameKey_ShouldBeStoredAgain()
    {
        var table = await aws.CreateTableAsync();
        await UploadAsync("incoming/seed-3.json", SeedFile);
        await new PipelineRun(aws, table, DateTimeOffset.UnixEpoch).RunAsync("incoming/seed-3.json", "seed-run-3a", "2025-01-01T00:00:00Z");
        await UploadAsync("incoming/seed-3.json", "{\"records\":[{\"id\":1,\"value\":21}]}");

        var changed = new PipelineRun(aws, table, DateTimeOffset.UnixEpoch);
        await changed.RunAsync("incoming/seed-3.json", "seed-run-3b", "2025-01-02T00:00:00Z");

        changed.Stores.Single().GetProperty("stored").GetInt32().Should().Be(1);
        (await RecordItemsAsync(table)).Single(i => i["id"].S == "1")["processed_value"].N.Should().Be("210");
    }

    private async Task UploadAsync(string key, string content) =>
        await aws.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = LocalAwsFixture.BucketName,
            Key = key,
            ContentBody = content,
            UseChunkEncoding = false,
        });

    private async Task<string> ReadAsync(string key)
    {
        using var response = await aws.S3.GetObjectAsync(LocalAwsFixture.BucketName, key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private async Task<List<Dictionary<string, AttributeValue>>> RecordItemsAsync(string table)
    {
        var scan = await aws.DynamoDb.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        return scan.Items.Where(i => i["sk"].S == ItemKeys.RecordSortKey).ToList();
    }
}
