using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>retryPolicy</c> of a target.</summary>
public sealed record EventTargetRetryPolicy : IPulumiObject
{
    public required int MaximumEventAgeInSeconds { get; init; }

    public required int MaximumRetryAttempts { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("maximumEventAgeInSeconds", MaximumEventAgeInSeconds),
        new("maximumRetryAttempts", MaximumRetryAttempts),
    ];
}
