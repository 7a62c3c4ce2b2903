using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Iam;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// Guards against the confused deputy. Step Functions and EventBridge send <c>aws:SourceArn</c> when they assume
/// a role, so their trust is limited to this stack's machines and rules; Lambda sends only the account.
/// </summary>
public sealed class TrustPolicyRule : IPolicyRule
{
    public static readonly IReadOnlyList<string> ServicesSendingSourceArn = ["states.amazonaws.com", "events.amazonaws.com"];

    public string Id => "IAM-TRUST";

    public string Sentence =>
        "A role trusts exactly one service principal, with aws:SourceAccount and, where the service sends it, aws:SourceArn conditions.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var role in context.Stack.All<IamRole>())
        {
            var statements = role.AssumeRolePolicy.Statements;
            if (statements is not [var statement])
            {
                yield return new Finding(Id, role.LogicalName, $"the trust policy has {statements.Count} statements instead of one");
                continue;
            }

            if (statement.Principal is not { Type: PolicyPrincipal.ServiceType, Identifiers: [var principal] })
            {
                yield return new Finding(Id, role.LogicalName, "the trust policy does not name exactly one service principal");
                continue;
            }

            if (!statement.Actions.SequenceEqual(["sts:AssumeRole"]))
            {
                yield return new Finding(Id, role.LogicalName, $"the trust policy allows {string.Join(", ", statement.Actions)} instead of sts:AssumeRole");
            }

            var service = context.Resolver.Resolve(principal);
            var keys = statement.Conditions.Select(condition => condition.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!keys.Contains("aws:SourceAccount"))
            {
                yield return new Finding(Id, role.LogicalName, $"{service} may assume the role without an aws:SourceAccount condition");
            }

            if (ServicesSendingSourceArn.Contains(service) && !keys.Contains("aws:SourceArn"))
            {
                yield return new Finding(Id, role.LogicalName, $"{service} may assume the role without an aws:SourceArn condition");
            }
        }
    }
}
