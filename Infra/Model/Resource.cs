namespace Pipeline.Infra.Model;

/// <summary>
/// One resource of the program. Subclasses are <c>partial</c> and declare the pulumi-aws input properties as C# init
/// properties whose names are the provider's names in PascalCase; <see cref="Properties"/> is generated from them
/// (<see cref="IPulumiObject"/>). <see cref="LogicalName"/>, <see cref="TypeToken"/> and <see cref="Options"/> are not
/// inputs.
/// </summary>
public abstract record Resource : IPulumiObject
{
    protected Resource(string logicalName) => LogicalName = logicalName;

    /// <summary>The key under <c>resources</c> and the name in <c>${logicalName.output}</c>.</summary>
    public string LogicalName { get; }

    public abstract ResourceType TypeToken { get; }

    public ResourceOptions Options { get; init; } = ResourceOptions.None;

    public abstract IReadOnlyList<KeyValuePair<string, object?>> Properties();

    public Reference Output(string property) => new(LogicalName, property);

    public Reference ArnOutput => Output("arn");

    public Reference IdOutput => Output("id");
}
