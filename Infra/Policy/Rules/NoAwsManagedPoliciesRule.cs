using Pipeline.Infra.Aws.Iam;

namespace Pipeline.Infra.Policy.Rules;

public sealed class NoAwsManagedPoliciesRule : IPolicyRule
{
    public string Id => "IAM4";

    public string Sentence => "Roles carry only the program's own inline policies, never an AWS managed policy.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from attachment in context.Stack.All<IamRolePolicyAttachment>()
        let arn = context.Resolver.Resolve(attachment.PolicyArn)
        where arn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal)
        select new Finding(Id, attachment.LogicalName, $"attaches the AWS managed policy {arn} to {context.Resolver.Resolve(attachment.Role)}");
}
