using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy;

/// <summary>A synthesized stack as the rules read it: resources, resolved inputs, the project key and the access simulator.</summary>
public sealed class PolicyContext
{
    /// <param name="projectRoot">Where the program's relative asset paths (the functions' packages) resolve; the folder holding Pulumi.yaml.</param>
    public PolicyContext(Stack stack, string projectRoot)
    {
        Stack = stack;
        ProjectRoot = projectRoot;
        Resolver = new InputResolver(stack);
        ProjectKey = stack.All<KmsKey>().FirstOrDefault();
        Simulator = new AccessSimulator(stack, Resolver);
    }

    public Stack Stack { get; }

    public string ProjectRoot { get; }

    public InputResolver Resolver { get; }

    public KmsKey? ProjectKey { get; }

    public AccessSimulator Simulator { get; }

    public bool IsProduction => Stack.Name == Settings.StackDefaults.Prod;

    /// <summary>Whether <paramref name="keyInput"/> names the project key (by ARN or id).</summary>
    public bool IsProjectKey(Input? keyInput) =>
        keyInput is not null && ProjectKey is not null
        && (Resolver.Resolve(keyInput) == Resolver.Arn(ProjectKey) || Resolver.Resolve(keyInput) == Resolver.Resolve(ProjectKey.IdOutput));

    /// <summary>The resources of type <typeparamref name="T"/> whose <paramref name="target"/> input refers to <paramref name="owner"/>.</summary>
    public IEnumerable<T> Attached<T>(Resource owner, Func<T, Input> target) where T : Resource =>
        Stack.All<T>().Where(resource => target(resource) is Reference reference && reference.Target == owner.LogicalName);

    /// <summary>Whether a resource policy denies <paramref name="action"/> on every given resource to anyone not using TLS.</summary>
    public bool DeniesInsecureTransport(PolicyDocument? policy, string action, params string[] resources) =>
        policy is not null && resources.All(resource => policy.Statements.Any(statement =>
            statement.Effect == PolicyEffect.Deny
            && statement.Principal?.Type == PolicyPrincipal.AnyoneType
            && statement.Actions.Any(pattern => WildcardMatch.Action(pattern, action))
            && statement.Resources.Any(pattern => WildcardMatch.Resource(Resolver.Resolve(pattern), resource))
            && statement.Conditions.Any(condition =>
                condition.Operator == "Bool" && condition.Key == "aws:SecureTransport"
                && condition.Values.Select(Resolver.Resolve).SequenceEqual(["false"]))));
}
