namespace Pipeline.Infra.Aws;

/// <summary><c>tracingConfiguration</c> of a state machine.</summary>
public sealed record StateMachineTracingConfiguration
{
    public required bool Enabled { get; init; }
}
