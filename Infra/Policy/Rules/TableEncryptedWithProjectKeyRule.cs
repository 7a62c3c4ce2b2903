using Pipeline.Infra.Aws.DynamoDb;

namespace Pipeline.Infra.Policy.Rules;

public sealed class TableEncryptedWithProjectKeyRule : IPolicyRule
{
    public string Id => "DDB-KMS";

    public string Sentence => "Every table is encrypted at rest with the project key.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from table in context.Stack.All<DynamoDbTable>()
        where !(table.ServerSideEncryption.Enabled && context.IsProjectKey(table.ServerSideEncryption.KmsKeyArn))
        select new Finding(Id, table.LogicalName, "the table is not encrypted with the project key");
}
