namespace Pipeline.Local.Definition;

/// <summary>One state of a parsed ASL definition. Paths hold "$" when absent and null when the JSON says null.</summary>
public abstract record State
{
    public required string Name { get; init; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public string? InputPath { get; init; } = "$";

    public string? OutputPath { get; init; } = "$";

    /// <summary>How much of the context object the state's fields can read.</summary>
    public ContextUse Context { get; init; } = ContextUse.Full;

    /// <summary>The ASL "Type" value, also the prefix of the state's history events.</summary>
    public abstract string Type { get; }
}
