using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>expiration</c> of a lifecycle rule.</summary>
public sealed record LifecycleExpiration : IPulumiObject
{
    public required int Days { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("days", Days),
    ];
}
