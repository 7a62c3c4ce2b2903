namespace Pipeline.Infra.Aws;

/// <summary><c>expiration</c> of a lifecycle rule.</summary>
public sealed record LifecycleExpiration
{
    public required int Days { get; init; }
}
