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

public sealed record PassState : State
{
    public JsonNode? Parameters { get; init; }

    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public string? ResultPath { get; init; } = "$";

    public override string Type => "Pass";
}

public sealed record TaskState : RecoverableState
{
    public required string Resource { get; init; }

    public JsonNode? Parameters { get; init; }

    public int? TimeoutSeconds { get; init; }

    public string? TimeoutSecondsPath { get; init; }

    public override string Type => "Task";
}

public sealed record ChoiceState : State
{
    public required IReadOnlyList<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override string Type => "Choice";
}

public sealed record WaitState : State
{
    public double? Seconds { get; init; }

    public string? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? TimestampPath { get; init; }

    /// <summary>JSONata: <c>Seconds</c> or <c>Timestamp</c> given as an expression (<c>{% %}</c>), evaluated when the state runs.</summary>
    public string? SecondsExpression { get; init; }

    public string? TimestampExpression { get; init; }

    public override string Type => "Wait";
}

public sealed record ParallelState : RecoverableState
{
    public required IReadOnlyList<StateGraph> Branches { get; init; }

    public JsonNode? Parameters { get; init; }

    public override string Type => "Parallel";
}

public sealed record SucceedState : State
{
    public override string Type => "Succeed";
}

public sealed record FailState : State
{
    public string? Error { get; init; }

    public string? ErrorPath { get; init; }

    public string? Cause { get; init; }

    public string? CausePath { get; init; }

    public override string Type => "Fail";
}
