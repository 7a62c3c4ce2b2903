using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>A Step Functions state machine.</summary>
public sealed record SfnStateMachine : Resource
{
    public static readonly ResourceType Token = new("sfn", "StateMachine");

    public SfnStateMachine(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    /// <summary><c>STANDARD</c> or <c>EXPRESS</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The ASL, with resource ARNs as interpolations.</summary>
    public required Input Definition { get; init; }

    public required Input RoleArn { get; init; }

    public required StateMachineLoggingConfiguration LoggingConfiguration { get; init; }

    public required StateMachineTracingConfiguration TracingConfiguration { get; init; }

    public StateMachineEncryptionConfiguration? EncryptionConfiguration { get; init; }

    public override IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("name", Name),
        new("type", Type),
        new("definition", Definition),
        new("roleArn", RoleArn),
        new("loggingConfiguration", LoggingConfiguration),
        new("tracingConfiguration", TracingConfiguration),
        new("encryptionConfiguration", EncryptionConfiguration),
    ];
}
