using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Policy.Access;

/// <summary>
/// Answers "can this principal do this action on this resource ARN?" from the synthesized policies, with IAM's
/// semantics for one account: an explicit Deny anywhere wins; a role needs an identity Allow or a resource policy
/// naming it; a KMS key needs its key policy to allow the principal, or to allow the account root (which
/// delegates to IAM) together with an identity Allow; a service principal needs a resource policy naming it.
/// </summary>
public sealed class AccessSimulator
{
    private readonly InputResolver resolver;
    private readonly Dictionary<string, IamRole> roles;
    private readonly List<ResolvedStatement> resourceStatements;

    public AccessSimulator(Stack stack, InputResolver resolver)
    {
        this.resolver = resolver;
        roles = stack.All<IamRole>().ToDictionary(role => role.LogicalName, StringComparer.Ordinal);
        IdentityStatements = roles.Keys.ToDictionary(
            name => name,
            name => (IReadOnlyList<ResolvedStatement>)stack.All<IamRolePolicy>()
                .Where(policy => policy.Role is Reference reference && reference.Target == name)
                .SelectMany(policy => Resolve(policy.LogicalName, policy.Policy, keyArn: null))
                .ToList(),
            StringComparer.Ordinal);
        TrustStatements = roles.Values.ToDictionary(
            role => role.LogicalName,
            role => (IReadOnlyList<ResolvedStatement>)Resolve(role.LogicalName, role.AssumeRolePolicy, keyArn: null).ToList(),
            StringComparer.Ordinal);
        resourceStatements = stack.Resources.SelectMany(ResourcePolicy).ToList();
    }

    public static string RootArn => $"arn:aws:iam::{InputResolver.Account}:root";

    /// <summary>Role logical name to the statements of its inline policies.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResolvedStatement>> IdentityStatements { get; }

    /// <summary>Role logical name to its trust policy.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResolvedStatement>> TrustStatements { get; }

    public IReadOnlyList<ResolvedStatement> ResourceStatements => resourceStatements;

    public string RoleArn(string roleLogicalName) => resolver.Arn(Role(roleLogicalName));

    public AccessDecision RoleCan(string roleLogicalName, string action, string resource, IReadOnlyDictionary<string, string>? context = null)
    {
        var principal = ResolvedPrincipal.Aws(RoleArn(roleLogicalName));
        var request = Context(context, principal);
        return Decide(principal, IdentityStatements[roleLogicalName], action, resource, request);
    }

    public AccessDecision ServiceCan(string service, string action, string resource, IReadOnlyDictionary<string, string>? context = null)
    {
        var principal = ResolvedPrincipal.Service(service);
        return Decide(principal, [], action, resource, Context(context, principal));
    }

    /// <summary>Whether <paramref name="service"/> may assume the role when calling from the given context (e.g. <c>aws:SourceArn</c>).</summary>
    public AccessDecision ServiceCanAssume(string service, string roleLogicalName, IReadOnlyDictionary<string, string>? context = null)
    {
        var principal = ResolvedPrincipal.Service(service);
        var request = Context(context, principal);
        var trust = TrustStatements[roleLogicalName]
            .Where(statement => statement.MatchesAction("sts:AssumeRole") && statement.MatchesPrincipal(principal))
            .ToList();
        if (trust.FirstOrDefault(statement => statement.Effect == PolicyEffect.Deny && Applies(statement, request, forDeny: true)) is { } deny)
        {
            return new AccessDecision(false, $"{deny.Owner}/{deny.Sid} denies it");
        }

        return trust.FirstOrDefault(statement => statement.Effect == PolicyEffect.Allow && Applies(statement, request, forDeny: false)) is { } allow
            ? new AccessDecision(true, $"{allow.Owner}/{allow.Sid}")
            : new AccessDecision(false, $"the trust policy of {roleLogicalName} does not let {service} assume it from this context");
    }

    private AccessDecision Decide(
        ResolvedPrincipal principal,
        IReadOnlyList<ResolvedStatement> identity,
        string action,
        string resource,
        Dictionary<string, string> request)
    {
        var identityMatches = identity.Where(statement => statement.MatchesAction(action) && statement.MatchesResource(resource)).ToList();
        var resourceMatches = resourceStatements.Where(statement => statement.MatchesAction(action) && statement.MatchesResource(resource)).ToList();
        var deny = identityMatches.Concat(resourceMatches.Where(statement => statement.MatchesPrincipal(principal)))
            .FirstOrDefault(statement => statement.Effect == PolicyEffect.Deny && Applies(statement, request, forDeny: true));
        if (deny is not null)
        {
            return new AccessDecision(false, $"{deny.Owner}/{deny.Sid} denies it");
        }

        var identityAllow = identityMatches.FirstOrDefault(statement => statement.Effect == PolicyEffect.Allow && Applies(statement, request, forDeny: false));
        var allows = resourceMatches.Where(statement => statement.Effect == PolicyEffect.Allow && Applies(statement, request, forDeny: false)).ToList();
        var direct = allows.FirstOrDefault(statement => statement.Principals.Contains(principal));
        var viaRoot = principal.Type == PolicyPrincipal.AwsType
            ? allows.FirstOrDefault(statement => statement.Principals.Contains(ResolvedPrincipal.Aws(RootArn)))
            : null;
        var isKey = resource.StartsWith("arn:aws:kms:", StringComparison.Ordinal);
        if (direct is not null)
        {
            return new AccessDecision(true, $"{direct.Owner}/{direct.Sid}");
        }

        if (isKey)
        {
            return (viaRoot, identityAllow) switch
            {
                (not null, not null) => new AccessDecision(true, $"{viaRoot.Owner}/{viaRoot.Sid} delegates to IAM, {identityAllow.Owner}/{identityAllow.Sid}"),
                (null, _) => new AccessDecision(false, $"the key policy does not allow {principal} to {action}"),
                _ => new AccessDecision(false, $"the key policy delegates to IAM, but no IAM policy of {principal} allows {action}"),
            };
        }

        return identityAllow is not null
            ? new AccessDecision(true, $"{identityAllow.Owner}/{identityAllow.Sid}")
            : new AccessDecision(false, $"no statement allows {principal} to {action} on {resource}");
    }

    private static bool Applies(ResolvedStatement statement, IReadOnlyDictionary<string, string> request, bool forDeny) =>
        statement.Conditions.All(condition => condition.Evaluate(request) ?? forDeny);

    private static Dictionary<string, string> Context(IReadOnlyDictionary<string, string>? given, ResolvedPrincipal principal)
    {
        var context = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:SecureTransport"] = "true",
        };
        if (principal.Type == PolicyPrincipal.AwsType)
        {
            context["aws:PrincipalArn"] = principal.Value;
            context["aws:PrincipalAccount"] = InputResolver.Account;
            context["kms:CallerAccount"] = InputResolver.Account;
        }

        foreach (var (key, value) in given ?? new Dictionary<string, string>())
        {
            context[key] = value;
        }

        return context;
    }

    private IamRole Role(string logicalName) =>
        roles.TryGetValue(logicalName, out var role) ? role : throw new KeyNotFoundException($"The stack has no role '{logicalName}'.");

    private IEnumerable<ResolvedStatement> ResourcePolicy(Resource resource) => resource switch
    {
        KmsKey key => Resolve(key.LogicalName, key.Policy, resolver.Arn(key)),
        S3BucketPolicy bucket => Resolve(bucket.LogicalName, bucket.Policy, keyArn: null),
        SqsQueuePolicy queue => Resolve(queue.LogicalName, queue.Policy, keyArn: null),
        SnsTopicPolicy topic => Resolve(topic.LogicalName, topic.Policy, keyArn: null),
        _ => [],
    };

    /// <summary>In a key policy <c>"*"</c> is the key itself (<paramref name="keyArn"/>).</summary>
    private IEnumerable<ResolvedStatement> Resolve(string owner, PolicyDocument document, string? keyArn) =>
        document.Statements.Select(statement => new ResolvedStatement(
            owner,
            statement.Sid,
            statement.Effect,
            statement.Principal is null
                ? []
                : statement.Principal.Type == PolicyPrincipal.AnyoneType
                    ? [new ResolvedPrincipal(PolicyPrincipal.AnyoneType, "*")]
                    : statement.Principal.Identifiers.Select(id => new ResolvedPrincipal(statement.Principal.Type, resolver.Resolve(id))).ToList(),
            statement.Actions,
            statement.Resources.Select(resolver.Resolve).Select(arn => keyArn is not null && arn == "*" ? keyArn : arn).ToList(),
            statement.Conditions.Select(condition => new ResolvedCondition(condition.Operator, condition.Key, condition.Values.Select(resolver.Resolve).ToList())).ToList()));
}
