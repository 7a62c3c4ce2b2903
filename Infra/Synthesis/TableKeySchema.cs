namespace Pipeline.Infra.Synthesis;

/// <summary>The records table's key: partition and sort key names with their DynamoDB types (<c>S</c>, <c>N</c>, <c>B</c>).</summary>
public sealed record TableKeySchema(string PartitionKey, string PartitionKeyType, string SortKey, string SortKeyType);
