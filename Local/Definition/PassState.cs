using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record PassState : State
{
    public JsonNode? Parameters { get; init; }

    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public string? ResultPath { get; init; } = "$";

    public override string Type => "Pass";
}
