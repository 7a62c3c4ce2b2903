using Pipeline.Infra.Aws.DynamoDb;

namespace Pipeline.Infra.Policy.Rules;

public sealed class TableDeletionProtectionRule : IPolicyRule
{
    public string Id => "DDB-DELETION";

    public string Sentence => "In prod every table has deletion protection.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from table in context.Stack.All<DynamoDbTable>()
        where context.IsProduction && !table.DeletionProtectionEnabled
        select new Finding(Id, table.LogicalName, "deletion protection is off in prod");
}
