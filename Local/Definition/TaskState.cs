using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record TaskState : RecoverableState
{
    public required string Resource { get; init; }

    public JsonNode? Parameters { get; init; }

    public int? TimeoutSeconds { get; init; }

    public string? TimeoutSecondsPath { get; init; }

    public override string Type => "Task";
}
