namespace Pipeline.Infra.Aws;

/// <summary><c>filter</c> of a lifecycle rule; no prefix means the whole bucket.</summary>
public sealed record LifecycleRuleFilter
{
    public string? Prefix { get; init; }
}
