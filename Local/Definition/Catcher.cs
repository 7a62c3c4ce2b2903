namespace Pipeline.Local.Definition;

public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next)
{
    public string? ResultPath { get; init; } = "$";

    /// <summary>JSONata: the output on this catch (<c>$states.errorOutput</c> when absent).</summary>
    public System.Text.Json.Nodes.JsonNode? Output { get; init; }

    /// <summary>JSONata: the variables set on this catch.</summary>
    public System.Text.Json.Nodes.JsonObject? Assign { get; init; }
}
