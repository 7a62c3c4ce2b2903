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
