using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>tracingConfiguration</c> of a state machine.</summary>
public sealed record StateMachineTracingConfiguration : IPulumiObject
{
    public required bool Enabled { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("enabled", Enabled),
    ];
}
