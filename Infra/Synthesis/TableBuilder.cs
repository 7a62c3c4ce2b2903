using Pipeline.Functions.Table;
using Pipeline.Infra.Aws.DynamoDb;
using Pipeline.Infra.Aws.Kms;

namespace Pipeline.Infra.Synthesis;

/// <summary>The records table: on-demand, encrypted with the project key, point-in-time recovery, deletion protection per stack.</summary>
public static class TableBuilder
{
    /// <summary>The key schema is <see cref="TableSchema"/>, the one the handlers and DynamoDB Local use.</summary>
    public static DynamoDbTable Build(SynthesisContext context, KmsKey key) => new(LogicalNames.Table)
    {
        BillingMode = TableSchema.BillingMode,
        HashKey = TableSchema.KeyAttributes.Single(attribute => attribute.KeyType == "HASH").Name,
        RangeKey = TableSchema.KeyAttributes.SingleOrDefault(attribute => attribute.KeyType == "RANGE")?.Name,
        Attributes = TableSchema.KeyAttributes.Select(attribute => new TableAttribute { Name = attribute.Name, Type = attribute.Type }).ToList(),
        ServerSideEncryption = new TableServerSideEncryption { Enabled = true, KmsKeyArn = key.ArnOutput },
        PointInTimeRecovery = new TablePointInTimeRecovery { Enabled = true },
        DeletionProtectionEnabled = context.Settings.TableDeletionProtection,
        Options = context.Stateful,
    };
}
