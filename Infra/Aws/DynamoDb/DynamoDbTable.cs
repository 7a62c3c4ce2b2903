using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>The records table.</summary>
public sealed record DynamoDbTable : Resource
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

    public override IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("billingMode", BillingMode),
        new("hashKey", HashKey),
        new("rangeKey", RangeKey),
        new("attributes", Attributes),
        new("serverSideEncryption", ServerSideEncryption),
        new("pointInTimeRecovery", PointInTimeRecovery),
        new("deletionProtectionEnabled", DeletionProtectionEnabled),
    ];
}
