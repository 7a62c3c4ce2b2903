namespace Pipeline.Functions.Tests.Table;

public sealed class TableSchemaTests
{
    [Fact]
    public void CreateTableRequest_ShouldDeclareStringPartitionAndSortKeysOnDemand()
    {
        var request = TableSchema.CreateTableRequest("records");

        request.TableName.Should().Be("records");
        request.BillingMode.Value.Should().Be("PAY_PER_REQUEST");
        request.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).Should().Equal(("pk", "HASH"), ("sk", "RANGE"));
        request.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).Should().Equal(("pk", "S"), ("sk", "S"));
    }

    [Fact]
    public void ItemKeys_ShouldDependOnlyOnTheRecordIdOrTheSourceVersion()
    {
        ItemKeys.RecordPartitionKey("42").Should().Be("RECORD#42");
        var source = new SourceObject("b", "incoming/a.json", "\"abc\"");
        ItemKeys.LedgerPartitionKey(source).Should().Be("SOURCE#b/incoming/a.json");
        ItemKeys.LedgerSortKey(source).Should().Be(ItemKeys.LedgerSortKey(source with { Etag = "abc" }));
    }
}
