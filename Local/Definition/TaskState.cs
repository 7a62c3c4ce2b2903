using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record TaskState : State
{
    public required string Resource { get; init; }

    public JsonNode? Parameters { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public string? ResultPath { get; init; } = "$";

    public int? TimeoutSeconds { get; init; }

    public string? TimeoutSecondsPath { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override string Type => "Task";
}
