using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record ParallelState : State
{
    public required IReadOnlyList<StateGraph> Branches { get; init; }

    public JsonNode? Parameters { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public string? ResultPath { get; init; } = "$";

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override string Type => "Parallel";
}
