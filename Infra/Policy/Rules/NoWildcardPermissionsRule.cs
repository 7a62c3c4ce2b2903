using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// Every policy of the stack (role policies, and the key, bucket, queue and topic policies) allows exact actions on exact
/// resources. A wildcard action is allowed only where AWS's own documented policy for a service uses it (the statement
/// names that policy, see <see cref="MandatedWildcards.ActionWildcards"/>); <c>Resource: "*"</c> only for the mandated
/// wildcards. A trailing <c>*</c> that names the objects under one concrete key prefix of one bucket, the streams of
/// one log group, or the child executions of one distributed Map of one machine, scopes a grant rather than widening
/// it, so it is not reported. Deny statements may be as wide as they
/// like. <c>iam:PassRole</c> is left to <see cref="PassRoleRule"/>.
/// </summary>
public sealed class NoWildcardPermissionsRule : IPolicyRule
{
    public string Id => "IAM5";

    public string Sentence =>
        "Every policy, key policies included, names exact actions and resources; the only wildcards are the ones AWS mandates or documents, each on the allow-list with its reason.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var (owner, policy) in Documents(context.Stack))
        {
            foreach (var statement in policy.Statements.Where(statement => statement.Effect == PolicyEffect.Allow))
            {
                if (statement.Actions.All(action => string.Equals(action, "iam:PassRole", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var mandated = IsMandated(statement);
                foreach (var action in statement.Actions.Where(action => WildcardMatch.HasWildcard(action) && !IsDocumented(statement, action) && !mandated))
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid} allows the wildcard action {action}");
                }

                foreach (var resource in statement.Resources.Select(context.Resolver.Resolve).Where(resource => WildcardMatch.HasWildcard(resource) && !IsScoped(resource) && !mandated && !IsKeyPolicySelf(statement, resource)))
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid} allows {string.Join(", ", statement.Actions)} on the wildcard resource {resource}");
                }
            }
        }
    }

    /// <summary>Every policy document in the stack with the resource that holds it (trust policies name no resource).</summary>
    public static IEnumerable<(Resource Owner, PolicyDocument Policy)> Documents(Model.Stack stack) =>
        stack.All<IamRolePolicy>().Select(policy => ((Resource)policy, policy.Policy))
            .Concat(stack.All<KmsKey>().Select(key => ((Resource)key, key.Policy)))
            .Concat(stack.All<S3BucketPolicy>().Select(policy => ((Resource)policy, policy.Policy)))
            .Concat(stack.All<SqsQueuePolicy>().Select(policy => ((Resource)policy, policy.Policy)))
            .Concat(stack.All<SnsTopicPolicy>().Select(policy => ((Resource)policy, policy.Policy)));

    private static bool IsMandated(PolicyStatement statement) =>
        statement.Wildcard is { } wildcard
        && MandatedWildcards.All.Contains(wildcard)
        && wildcard.Actions.Count > 0
        && statement.Actions.All(action => wildcard.Actions.Contains(action, StringComparer.Ordinal))
        && statement.Resources is [Model.Literal { Value: "*" }];

    private static bool IsDocumented(PolicyStatement statement, string action) =>
        statement.ActionWildcards is { } documented
        && MandatedWildcards.ActionWildcards.Contains(documented)
        && documented.Actions.Contains(action, StringComparer.Ordinal);

    /// <summary>In a key policy the only Resource is <c>"*"</c>, the key itself.</summary>
    private static bool IsKeyPolicySelf(PolicyStatement statement, string resource) =>
        resource == "*" && Equals(statement.Wildcard, MandatedWildcards.KeyPolicySelf) && statement.Principal is not null;
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

        // The child executions of one distributed Map (<machine>/<label>:<id>): Step Functions names them as it starts them.
        if (resource.StartsWith("arn:aws:states:", StringComparison.Ordinal) && resource.Contains(":execution:", StringComparison.Ordinal))
        {
            var name = resource[(resource.IndexOf(":execution:", StringComparison.Ordinal) + ":execution:".Length)..^1];
            return name.EndsWith(':') && name.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < name.Length - 2;
        }

        return resource.StartsWith("arn:aws:logs:", StringComparison.Ordinal) && resource.Contains(":log-group:", StringComparison.Ordinal) && resource.EndsWith(":*", StringComparison.Ordinal);
    }
}
