namespace Pipeline.Infra.Aws;

/// <summary><c>pointInTimeRecovery</c>.</summary>
public sealed record TablePointInTimeRecovery
{
    public required bool Enabled { get; init; }
}
