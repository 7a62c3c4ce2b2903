using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>rules[]</c> of a lifecycle configuration.</summary>
public sealed record LifecycleRule : IPulumiObject
{
    public required string Id { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    public required string Status { get; init; }

    public required LifecycleRuleFilter Filter { get; init; }

    public LifecycleExpiration? Expiration { get; init; }

    public NoncurrentVersionExpiration? NoncurrentVersionExpiration { get; init; }

    public AbortIncompleteMultipartUpload? AbortIncompleteMultipartUpload { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("id", Id),
        new("status", Status),
        new("filter", Filter),
        new("expiration", Expiration),
        new("noncurrentVersionExpiration", NoncurrentVersionExpiration),
        new("abortIncompleteMultipartUpload", AbortIncompleteMultipartUpload),
    ];
}
