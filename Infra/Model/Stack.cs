using Pipeline.Infra.Settings;

namespace Pipeline.Infra.Model;

/// <summary>Everything one stack deploys: the root of the model that emitters and policy checks traverse.</summary>
public sealed record Stack(
    StackSettings Settings,
    IReadOnlyList<ConfigDeclaration> Config,
    IReadOnlyList<InvokeVariable> Variables,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<StackOutput> Outputs)
{
    /// <summary>The provider version every resource and invoke is pinned to.</summary>
    public const string ProviderVersion = "7.48.0";

    public string Name => Settings.StackName;

    public Resource this[string logicalName] =>
        Resources.SingleOrDefault(resource => resource.LogicalName == logicalName)
        ?? throw new KeyNotFoundException($"Stack '{Name}' has no resource named '{logicalName}'.");

    public T Get<T>(string logicalName) where T : Resource =>
        this[logicalName] as T
        ?? throw new InvalidCastException($"Resource '{logicalName}' is a {this[logicalName].TypeToken}, not a {typeof(T).Name}.");

    public IEnumerable<T> All<T>() where T : Resource => Resources.OfType<T>();
}
