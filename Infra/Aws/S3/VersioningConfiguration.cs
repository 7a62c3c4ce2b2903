using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>versioningConfiguration</c>.</summary>
public sealed record VersioningConfiguration : IPulumiObject
{
    /// <summary><c>Enabled</c> or <c>Suspended</c>.</summary>
    public required string Status { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("status", Status),
    ];
}
