using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>One state of a parsed ASL definition. Paths hold "$" when absent and null when the JSON says null.</summary>
public abstract record State
{
    public required string Name { get; init; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public string? InputPath { get; init; } = "$";

    public string? OutputPath { get; init; } = "$";

    /// <summary>
    /// The state speaks JSONata (its own QueryLanguage, or the machine's): <see cref="Arguments"/>, <see cref="Output"/>
    /// and <see cref="Assign"/> replace the path fields, and any string of the form <c>{% expression %}</c> is evaluated.
    /// </summary>
    public bool Jsonata { get; init; }

    /// <summary>JSONata: the task's or branches' input (Task, Parallel); the state's input when absent.</summary>
    public JsonNode? Arguments { get; init; }

    /// <summary>JSONata: the state's output; its result (or input, for states without one) when absent.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>JSONata: the variables the state sets once it has succeeded, each value evaluated before any is set.</summary>
    public JsonObject? Assign { get; init; }

    /// <summary>How much of the context object the state's fields can read.</summary>
    public ContextUse Context { get; init; } = ContextUse.Full;

    /// <summary>The ASL "Type" value, also the prefix of the state's history events.</summary>
    public abstract string Type { get; }
}
