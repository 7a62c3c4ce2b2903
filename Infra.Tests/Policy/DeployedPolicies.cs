using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>
/// One synthesized stack's policies as IAM JSON, as a deployment of it would hold them, and the resource policy that
/// governs each of its ARNs (a key's policy, a bucket's, a queue's, a topic's, a role's trust policy).
/// The example resolver names what Pulumi autonames (the key, the table, the topic, the roles) by its logical name
/// alone, so dev and prod would share those ARNs; a deployment gives each stack its own, and so does
/// <see cref="Physical"/>, by suffixing the stack's name to every ARN the two stacks would otherwise share.
/// </summary>
public sealed class DeployedPolicies
{
    private static readonly Lazy<DeployedPolicies> DevPolicies = new(() => new(PolicyStacks.Dev, PolicyStacks.Named("prod")));
    private static readonly Lazy<DeployedPolicies> ProdPolicies = new(() => new(PolicyStacks.Named("prod"), PolicyStacks.Dev));

    private readonly IReadOnlyList<string> shared;
    private readonly IReadOnlyList<(string LogicalName, string Arn)> arns;
    private readonly IReadOnlyList<(string Arn, bool HoldsObjects, JsonObject Policy)> resourcePolicies;

    /// <param name="sibling">The other stack of the project, deployed to the same account.</param>
    public DeployedPolicies(PolicyContext context, PolicyContext sibling)
    {
        Context = context;
        shared = [.. Arns(context).Select(resource => resource.Arn).Intersect(Arns(sibling).Select(resource => resource.Arn)).OrderByDescending(arn => arn.Length)];
        arns = [.. Arns(context).Select(resource => (resource.LogicalName, Physical(resource.Arn))).OrderByDescending(resource => resource.Item2.Length)];
        resourcePolicies = [.. ResourcePolicies(context)];
    }

    public static DeployedPolicies Named(string stackName) => stackName == PolicyStacks.Dev.Stack.Name ? DevPolicies.Value : ProdPolicies.Value;

    public PolicyContext Context { get; }

    public string Name => Context.Stack.Name;

    /// <summary><paramref name="value"/> with the ARN it starts with, if the two stacks share it, given this stack's own name.</summary>
    public string Physical(string value) =>
        shared.FirstOrDefault(arn => Starts(value, arn)) is { } arn ? $"{arn}-{Name}{value[arn.Length..]}" : value;

    public string RoleArn(string role) => Physical(Context.Simulator.RoleArn(role));

    /// <summary>The role's inline policies, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonObject>> IdentityPolicies(string role) =>
        [.. Context.Simulator.IdentityStatements[role].GroupBy(statement => statement.Owner)
            .Select(policy => KeyValuePair.Create(policy.Key, IamPolicyJson.Document(policy, Physical)))];

    /// <summary>The resource policy governing <paramref name="arn"/> (a physical ARN), or null when none does.</summary>
    public JsonObject? ResourcePolicy(string arn) =>
        resourcePolicies.FirstOrDefault(policy => arn == policy.Arn || (policy.HoldsObjects && arn.StartsWith(policy.Arn + "/", StringComparison.Ordinal))).Policy;

    /// <summary>
    /// <paramref name="value"/> with the ARN of this stack it starts with replaced by the ARN of the same resource in
    /// <paramref name="other"/>; null when it names no resource of this stack or <paramref name="other"/> lacks it.
    /// </summary>
    public string? InOther(string value, DeployedPolicies other)
    {
        if (arns.FirstOrDefault(resource => Starts(value, resource.Arn)) is not ({ } logicalName, { } arn))
        {
            return null;
        }

        return other.arns.FirstOrDefault(resource => resource.LogicalName == logicalName) is (not null, { } otherArn)
            ? otherArn + value[arn.Length..]
            : null;
    }

    private static bool Starts(string value, string arn) =>
        value == arn || (value.StartsWith(arn, StringComparison.Ordinal) && value[arn.Length] is '/' or ':');

    private IEnumerable<(string Arn, bool HoldsObjects, JsonObject Policy)> ResourcePolicies(PolicyContext context)
    {
        var resolver = context.Resolver;
        // A key policy's "*" arrives as the key's ARN (the simulator resolves it so): for requests on the key itself the same.
        var statements = context.Simulator.ResourceStatements.ToLookup(statement => statement.Owner);
        foreach (var resource in context.Stack.Resources)
        {
            (string? Arn, bool HoldsObjects) governed = resource switch
            {
                KmsKey key => (resolver.Arn(key), false),
                S3BucketPolicy policy => (resolver.Arn(Referenced(context, policy.Bucket)), true),
                SqsQueuePolicy policy => (resolver.Arn(Referenced(context, policy.QueueUrl)), false),
                SnsTopicPolicy policy => (resolver.Resolve(policy.Arn), false),
                _ => (null, false),
            };
            if (governed.Arn is not null)
            {
                yield return (Physical(governed.Arn), governed.HoldsObjects, IamPolicyJson.Document(statements[resource.LogicalName], Physical));
            }
        }

        foreach (var (role, trust) in context.Simulator.TrustStatements)
        {
            yield return (RoleArn(role), false, IamPolicyJson.Document(trust, Physical));
        }
    }

    private static Resource Referenced(PolicyContext context, Input input) =>
        input is Reference reference ? context.Stack[reference.Target] : throw new InvalidOperationException($"{input} does not refer to a resource.");

    /// <summary>Every resource of the stack that has an ARN, by logical name.</summary>
    private static IEnumerable<(string LogicalName, string Arn)> Arns(PolicyContext context) =>
        context.Stack.Resources
            .Where(resource => resource is S3Bucket or IamRole or KmsKey or DynamoDbTable or SqsQueue or SnsTopic or LambdaFunction
                or SfnStateMachine or CloudWatchLogGroup or CloudWatchEventRule or CloudWatchMetricAlarm)
            .Select(resource => (resource.LogicalName, context.Resolver.Arn(resource)));
}
