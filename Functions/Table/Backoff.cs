namespace Pipeline.Functions.Table;

/// <summary>
/// Exponential backoff with jitter: before retry n the ceiling is base * 2^(n-1), capped; the delay
/// is drawn from [ceiling/2, ceiling] so retries spread out but never collapse to zero.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan baseDelay;
    private readonly TimeSpan maxDelay;
    private readonly Random random;

    public Backoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /// <summary>The delay before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + (random.NextDouble() * half));
    }
}
