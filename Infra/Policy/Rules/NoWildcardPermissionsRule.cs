using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// A trailing <c>*</c> that names the objects under one concrete key prefix of one bucket, or the streams of one
/// log group, scopes a grant rather than widening it, so it is not reported. <c>iam:PassRole</c> is left to
/// <see cref="PassRoleRule"/>.
/// </summary>
public sealed class NoWildcardPermissionsRule : IPolicyRule
{
    public string Id => "IAM5";

    public string Sentence =>
        "Role policies name exact actions and resources; the only wildcards are the ones AWS mandates, each on the allow-list with its reason.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var policy in context.Stack.All<IamRolePolicy>())
        {
            foreach (var statement in policy.Policy.Statements.Where(statement => statement.Effect == PolicyEffect.Allow))
            {
                if (IsMandated(statement) || statement.Actions.All(action => string.Equals(action, "iam:PassRole", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var action in statement.Actions.Where(WildcardMatch.HasWildcard))
                {
                    yield return new Finding(Id, policy.LogicalName, $"statement {statement.Sid} allows the wildcard action {action}");
                }

                foreach (var resource in statement.Resources.Select(context.Resolver.Resolve).Where(resource => WildcardMatch.HasWildcard(resource) && !IsScoped(resource)))
                {
                    yield return new Finding(Id, policy.LogicalName, $"statement {statement.Sid} allows {string.Join(", ", statement.Actions)} on the wildcard resource {resource}");
                }
            }
        }
    }

    private static bool IsMandated(PolicyStatement statement) =>
        statement.Wildcard is { } wildcard
        && MandatedWildcards.All.Contains(wildcard)
        && statement.Actions.All(action => wildcard.Actions.Contains(action, StringComparer.Ordinal))
        && statement.Resources is [Model.Literal { Value: "*" }];

    private static bool IsScoped(string resource)
    {
        if (!resource.EndsWith('*') || WildcardMatch.HasWildcard(resource[..^1]))
        {
            return false;
        }

        if (resource.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
        {
            var path = resource["arn:aws:s3:::".Length..^1];
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && path.Length > slash + 1 && path.EndsWith('/');
        }

        return resource.StartsWith("arn:aws:logs:", StringComparison.Ordinal) && resource.Contains(":log-group:", StringComparison.Ordinal) && resource.EndsWith(":*", StringComparison.Ordinal);
    }
}
