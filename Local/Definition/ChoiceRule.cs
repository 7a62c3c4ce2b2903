namespace Pipeline.Local.Definition;

/// <summary>A top-level Choice rule: its condition and the state it leads to (as the model's <c>ChoiceRule</c>).</summary>
public sealed record ChoiceRule(Condition Condition, string Next)
{
    /// <summary>JSONata: the state's output when this rule matches.</summary>
    public System.Text.Json.Nodes.JsonNode? Output { get; init; }

    /// <summary>JSONata: the variables set when this rule matches.</summary>
    public System.Text.Json.Nodes.JsonObject? Assign { get; init; }
}
