using JitterStrategy = Pipeline.Workflows.Model.JitterStrategy;
using Pipeline.Local.Definition;

namespace Pipeline.Local.Engine;

/// <summary>The wait before a retry: IntervalSeconds x BackoffRate^attempt, capped by MaxDelaySeconds, with FULL jitter drawn from [0, delay].</summary>
internal static class RetryDelay
{
    public static TimeSpan Compute(Retrier retrier, int attempt, Random random)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, attempt);
        if (retrier.MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

        if (retrier.Jitter == JitterStrategy.Full)
        {
            seconds *= random.NextDouble();
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
