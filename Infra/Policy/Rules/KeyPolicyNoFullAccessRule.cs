using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy.Rules;

public sealed class KeyPolicyNoFullAccessRule : IPolicyRule
{
    public string Id => "KMS-FULL";

    public string Sentence => "A key policy grants kms:* to no one but the account root.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from key in context.Stack.All<KmsKey>()
        from statement in key.Policy.Statements
        where statement.Effect == PolicyEffect.Allow && statement.Actions.Any(action => action is "*" or "kms:*")
        let principals = statement.Principal is null
            ? []
            : statement.Principal.Type == PolicyPrincipal.AnyoneType ? ["*"] : statement.Principal.Identifiers.Select(context.Resolver.Resolve).ToList()
        from principal in principals
        where principal != AccessSimulator.RootArn
        select new Finding(Id, key.LogicalName, $"statement {statement.Sid} grants kms:* to {principal}");
}
