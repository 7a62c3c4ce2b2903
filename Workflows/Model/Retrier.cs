using System.Collections.Immutable;

namespace Pipeline.Workflows.Model;

/// <summary>A <c>Retry</c> entry. Unset numbers take the ASL defaults (1 s interval, 3 attempts, backoff 2.0).</summary>
public sealed record Retrier(ImmutableArray<string> ErrorEquals)
{
    public int? IntervalSeconds { get; init; }

    public int? MaxAttempts { get; init; }

    public decimal? BackoffRate { get; init; }

    public int? MaxDelaySeconds { get; init; }

    public JitterStrategy? JitterStrategy { get; init; }
}

/// <summary>The retrier <c>JitterStrategy</c>: <c>FULL</c> waits a random time up to the computed backoff.</summary>
public enum JitterStrategy
{
    None,
    Full,
}
