using JitterStrategy = Pipeline.Workflows.Model.JitterStrategy;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>A state that can fail and so has Retry and Catch, and shapes its result (Task, Parallel, Map).</summary>
public abstract record RecoverableState : State
{
    public JsonNode? ResultSelector { get; init; }

    public string? ResultPath { get; init; } = "$";

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];
}

/// <summary>One Retry entry, with ASL's defaults (1 s interval, 3 attempts, backoff rate 2).</summary>
public sealed record Retrier(IReadOnlyList<string> ErrorEquals)
{
    public double IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2;

    public double? MaxDelaySeconds { get; init; }

    public JitterStrategy Jitter { get; init; } = JitterStrategy.None;
}

public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next)
{
    public string? ResultPath { get; init; } = "$";

    /// <summary>JSONata: the output on this catch (<c>$states.errorOutput</c> when absent).</summary>
    public System.Text.Json.Nodes.JsonNode? Output { get; init; }

    /// <summary>JSONata: the variables set on this catch.</summary>
    public System.Text.Json.Nodes.JsonObject? Assign { get; init; }
}
