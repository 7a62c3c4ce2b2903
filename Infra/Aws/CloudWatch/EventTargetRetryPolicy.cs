namespace Pipeline.Infra.Aws;

/// <summary><c>retryPolicy</c> of a target.</summary>
public sealed record EventTargetRetryPolicy
{
    public required int MaximumEventAgeInSeconds { get; init; }

    public required int MaximumRetryAttempts { get; init; }
}
