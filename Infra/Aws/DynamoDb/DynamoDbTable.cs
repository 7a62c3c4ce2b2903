using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.DynamoDb;

/// <summary>The records table.</summary>
public sealed partial record DynamoDbTable : Resource
{
    public static readonly ResourceType Token = new("dynamodb", "Table");

    public DynamoDbTable(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary><c>PAY_PER_REQUEST</c> is on-demand.</summary>
    public required string BillingMode { get; init; }

    public required string HashKey { get; init; }

    public string? RangeKey { get; init; }

    public required IReadOnlyList<TableAttribute> Attributes { get; init; }

    public required TableServerSideEncryption ServerSideEncryption { get; init; }

    public required TablePointInTimeRecovery PointInTimeRecovery { get; init; }

    public required bool DeletionProtectionEnabled { get; init; }
}

/// <summary><c>attributes[]</c>: a key attribute and its type (<c>S</c>, <c>N</c>, <c>B</c>).</summary>
public sealed partial record TableAttribute : IPulumiObject
{
    public required string Name { get; init; }

    public required string Type { get; init; }
}

/// <summary><c>pointInTimeRecovery</c>.</summary>
public sealed partial record TablePointInTimeRecovery : IPulumiObject
{
    public required bool Enabled { get; init; }
}

/// <summary><c>serverSideEncryption</c>.</summary>
public sealed partial record TableServerSideEncryption : IPulumiObject
{
    public required bool Enabled { get; init; }

    public Input? KmsKeyArn { get; init; }
}
