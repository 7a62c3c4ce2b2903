namespace Pipeline.Infra.Tests.Policy;

/// <summary>The synthesized stacks as the policy engine reads them, and ways to build modified copies of them.</summary>
public static class PolicyStacks
{
    private static readonly Lazy<PolicyContext> DevContext = new(() => new PolicyContext(Stacks.Dev, RepositoryRoot.Path));
    private static readonly Lazy<PolicyContext> ProdContext = new(() => new PolicyContext(Stacks.Prod, RepositoryRoot.Path));

    public static PolicyContext Dev => DevContext.Value;

    public static PolicyContext Named(string name) => name == Stacks.Dev.Name ? Dev : ProdContext.Value;

    public static string FunctionRole(string functionId) => LogicalNames.Role(LogicalNames.Function(functionId));

    public static string FunctionPolicy(string functionId) => LogicalNames.RolePolicy(LogicalNames.Function(functionId));

    public static IReadOnlyList<string> FunctionRoles { get; } =
        Functions.Catalog.HandlerCatalog.All.Select(function => FunctionRole(function.Id)).ToList();

    public static IReadOnlyList<string> MachineRoles { get; } =
        [LogicalNames.Role(LogicalNames.StandardMachine), LogicalNames.Role(LogicalNames.ExpressMachine)];

    public static string Arn(this PolicyContext context, string logicalName) => context.Resolver.Arn(context.Stack[logicalName]);

    public static Dictionary<string, string> Via(string service) => new() { ["kms:ViaService"] = $"{service}.{InputResolver.Region}.amazonaws.com" };

    public static Dictionary<string, string> From(string sourceArn) => new()
    {
        ["aws:SourceArn"] = sourceArn,
        ["aws:SourceAccount"] = InputResolver.Account,
    };

    public static Stack Replace<T>(this Stack stack, string logicalName, Func<T, T> change) where T : Resource =>
        stack with { Resources = stack.Resources.Select(resource => resource.LogicalName == logicalName ? change((T)resource) : resource).ToList() };

    public static Stack Add(this Stack stack, params Resource[] resources) => stack with { Resources = [.. stack.Resources, .. resources] };

    public static Stack Remove(this Stack stack, string logicalName) =>
        stack with { Resources = stack.Resources.Where(resource => resource.LogicalName != logicalName).ToList() };
}
