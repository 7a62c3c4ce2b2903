using Pipeline.Infra.Aws.DynamoDb;

namespace Pipeline.Infra.Policy.Rules;

public sealed class TablePointInTimeRecoveryRule : IPolicyRule
{
    public string Id => "DDB3";

    public string Sentence => "Every table has point-in-time recovery.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from table in context.Stack.All<DynamoDbTable>()
        where !table.PointInTimeRecovery.Enabled
        select new Finding(Id, table.LogicalName, "point-in-time recovery is off");
}
