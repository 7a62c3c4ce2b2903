using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy.Rules;

public sealed class PassRoleRule : IPolicyRule
{
    public string Id => "IAM-PASSROLE";

    public string Sentence => "iam:PassRole is granted only on named roles, never on a wildcard.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from policy in context.Stack.All<IamRolePolicy>()
        from statement in policy.Policy.Statements
        where statement.Effect == PolicyEffect.Allow && statement.Actions.Any(action => WildcardMatch.Action(action, "iam:PassRole"))
        from resource in statement.Resources.Select(context.Resolver.Resolve)
        where WildcardMatch.HasWildcard(resource)
        select new Finding(Id, policy.LogicalName, $"statement {statement.Sid} lets the role pass any role matching {resource}");
}
