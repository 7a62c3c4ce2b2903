using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>noncurrentVersionExpiration</c> of a lifecycle rule.</summary>
public sealed record NoncurrentVersionExpiration : IPulumiObject
{
    public required int NoncurrentDays { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("noncurrentDays", NoncurrentDays),
    ];
}
