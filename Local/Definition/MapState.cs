using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

public sealed record MapState : State
{
    public required StateGraph Processor { get; init; }

    public string ItemsPath { get; init; } = "$";

    /// <summary>ItemSelector, or the older Parameters field that plays the same role.</summary>
    public JsonNode? ItemSelector { get; init; }

    /// <summary>0 means unbounded.</summary>
    public int MaxConcurrency { get; init; }

    public string? MaxConcurrencyPath { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public string? ResultPath { get; init; } = "$";

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override string Type => "Map";
}
