using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record ParallelState : RecoverableState
{
    public required IReadOnlyList<StateGraph> Branches { get; init; }

    public JsonNode? Parameters { get; init; }

    public override string Type => "Parallel";
}
