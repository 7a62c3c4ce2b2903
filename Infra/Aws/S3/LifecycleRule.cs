namespace Pipeline.Infra.Aws;

/// <summary><c>rules[]</c> of a lifecycle configuration.</summary>
public sealed record LifecycleRule
{
    public required string Id { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    public required string Status { get; init; }

    public required LifecycleRuleFilter Filter { get; init; }

    public LifecycleExpiration? Expiration { get; init; }

    public NoncurrentVersionExpiration? NoncurrentVersionExpiration { get; init; }

    public AbortIncompleteMultipartUpload? AbortIncompleteMultipartUpload { get; init; }
}
