using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>loggingConfiguration</c> of a state machine.</summary>
public sealed record StateMachineLoggingConfiguration : IPulumiObject
{
    /// <summary><c>&lt;log group arn&gt;:*</c>.</summary>
    public required Input LogDestination { get; init; }

    public required string Level { get; init; }

    public required bool IncludeExecutionData { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("logDestination", LogDestination),
        new("level", Level),
        new("includeExecutionData", IncludeExecutionData),
    ];
}
