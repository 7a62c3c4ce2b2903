using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Pipeline.Functions.Table;

/// <summary>
/// The one definition of the records table's keys, read by the Pulumi program and used to create
/// the table in DynamoDB Local. Record and ledger items share the table (see <see cref="ItemKeys"/>).
/// </summary>
public static class TableSchema
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    /// <summary>On-demand capacity, as the Pulumi <c>billingMode</c> and the DynamoDB API spell it.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    public static IReadOnlyList<KeyAttribute> KeyAttributes { get; } =
    [
        new(PartitionKey, "S", "HASH"),
        new(SortKey, "S", "RANGE"),
    ];

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = new BillingMode(BillingMode),
        AttributeDefinitions = KeyAttributes
            .Select(a => new AttributeDefinition(a.Name, new ScalarAttributeType(a.Type)))
            .ToList(),
        KeySchema = KeyAttributes
            .Select(a => new KeySchemaElement(a.Name, new KeyType(a.KeyType)))
            .ToList(),
    };
}

/// <summary>A key attribute: <paramref name="Type"/> is the DynamoDB scalar type (S, N, B); <paramref name="KeyType"/> is HASH or RANGE.</summary>
public sealed record KeyAttribute(string Name, string Type, string KeyType);
