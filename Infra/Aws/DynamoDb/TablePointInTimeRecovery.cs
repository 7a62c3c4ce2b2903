using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>pointInTimeRecovery</c>.</summary>
public sealed record TablePointInTimeRecovery : IPulumiObject
{
    public required bool Enabled { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("enabled", Enabled),
    ];
}
