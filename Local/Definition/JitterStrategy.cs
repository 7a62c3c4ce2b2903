namespace Pipeline.Local.Definition;

public enum JitterStrategy
{
    None,

    /// <summary>The delay is a random value between 0 and the computed backoff.</summary>
    Full,
}
