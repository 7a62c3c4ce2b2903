using Pipeline.Infra.Iam;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// DEPUTY: the confused-deputy guard (IAM user guide, "The confused deputy problem"). A resource or key policy that lets
/// an AWS service act names, in a documented condition, which of this account's resources of this stack it may act for:
/// <c>aws:SourceArn</c> (or a KMS encryption context such as <c>kms:EncryptionContext:aws:sqs:arn</c>) whose every value
/// is a resource of this stack, and the account, either in those ARNs or by <c>aws:SourceAccount</c>.
/// </summary>
public sealed class ServicePrincipalBindingRule : IPolicyRule
{
    public string Id => "DEPUTY";

    public string Sentence =>
        "Every service principal a resource or key policy allows is bound to this account and this stack's resources by a documented condition.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        var prefix = context.Stack.Settings.NamePrefix + "-";
        foreach (var (owner, policy) in NoWildcardPermissionsRule.Documents(context.Stack).Where(document => document.Owner is not Aws.Iam.IamRolePolicy))
        {
            foreach (var statement in policy.Statements.Where(statement => statement.Effect == PolicyEffect.Allow && statement.Principal?.Type == PolicyPrincipal.ServiceType))
            {
                var services = string.Join(", ", statement.Principal!.Identifiers.Select(context.Resolver.Resolve));
                var resourceKeys = statement.Conditions.Where(condition => IsResourceKey(condition.Key)).ToList();
                var values = resourceKeys.SelectMany(condition => condition.Values.Select(context.Resolver.Resolve)).ToList();
                if (values.Count == 0)
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid} lets {services} act for any resource: no aws:SourceArn or encryption context names this stack's");
                    continue;
                }

                foreach (var value in values.Where(value => !value.Contains(prefix, StringComparison.Ordinal)))
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid} lets {services} act for {value}, which is not a resource of this stack");
                }

                var accountBound = statement.Conditions.Any(condition => condition.Key == "aws:SourceAccount" && condition.Values.Select(context.Resolver.Resolve).SequenceEqual([InputResolver.Account]))
                    || values.All(value => value.Contains($":{InputResolver.Account}:", StringComparison.Ordinal));
                if (!accountBound)
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid} lets {services} act for another account's resources: add aws:SourceAccount");
                }
            }
        }
    }

    private static bool IsResourceKey(string key) =>
        key == "aws:SourceArn" || key.StartsWith("kms:EncryptionContext:", StringComparison.Ordinal);
}
