using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>filter</c> of a lifecycle rule; no prefix means the whole bucket.</summary>
public sealed record LifecycleRuleFilter : IPulumiObject
{
    public string? Prefix { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("prefix", Prefix),
    ];
}
