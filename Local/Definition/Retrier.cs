using JitterStrategy = Pipeline.Workflows.JitterStrategy;

namespace Pipeline.Local.Definition;

/// <summary>One Retry entry, with ASL's defaults (1 s interval, 3 attempts, backoff rate 2).</summary>
public sealed record Retrier(IReadOnlyList<string> ErrorEquals)
{
    public double IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2;

    public double? MaxDelaySeconds { get; init; }

    public JitterStrategy Jitter { get; init; } = JitterStrategy.None;
}
