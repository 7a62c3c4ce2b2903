namespace Pipeline.Workflows;

/// <summary>The retrier <c>JitterStrategy</c>: <c>FULL</c> waits a random time up to the computed backoff.</summary>
public enum JitterStrategy
{
    None,
    Full,
}
