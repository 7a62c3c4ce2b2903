using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>The records table: on-demand, encrypted with the project key, point-in-time recovery, deletion protection per stack.</summary>
public static class TableBuilder
{
    public static DynamoDbTable Build(SynthesisContext context, TableKeySchema schema, KmsKey key) => new(LogicalNames.Table)
    {
        BillingMode = "PAY_PER_REQUEST",
        HashKey = schema.PartitionKey,
        RangeKey = schema.SortKey,
        Attributes =
        [
            new TableAttribute { Name = schema.PartitionKey, Type = schema.PartitionKeyType },
            new TableAttribute { Name = schema.SortKey, Type = schema.SortKeyType },
        ],
        ServerSideEncryption = new TableServerSideEncryption { Enabled = true, KmsKeyArn = key.ArnOutput },
        PointInTimeRecovery = new TablePointInTimeRecovery { Enabled = true },
        DeletionProtectionEnabled = context.Settings.TableDeletionProtection,
        Options = context.Stateful,
    };
}
