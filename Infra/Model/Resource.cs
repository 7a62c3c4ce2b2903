namespace Pipeline.Infra.Model;

/// <summary>
/// One resource of the program. Subclasses declare the pulumi-aws input properties as C# properties
/// whose names are the provider's names in PascalCase; the emitters write them in camelCase. Only the
/// init properties a subclass declares are inputs; <see cref="LogicalName"/>, <see cref="TypeToken"/> and
/// <see cref="Options"/> are not.
/// </summary>
public abstract record Resource
{
    protected Resource(string logicalName) => LogicalName = logicalName;

    /// <summary>The key under <c>resources</c> and the name in <c>${logicalName.output}</c>.</summary>
    public string LogicalName { get; }

    public abstract ResourceType TypeToken { get; }

    public ResourceOptions Options { get; init; } = ResourceOptions.None;

    public Reference Output(string property) => new(LogicalName, property);

    public Reference ArnOutput => Output("arn");

    public Reference IdOutput => Output("id");
}
