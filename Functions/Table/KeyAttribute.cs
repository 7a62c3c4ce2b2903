namespace Pipeline.Functions;

/// <summary>A key attribute: <paramref name="Type"/> is the DynamoDB scalar type (S, N, B); <paramref name="KeyType"/> is HASH or RANGE.</summary>
public sealed record KeyAttribute(string Name, string Type, string KeyType);
