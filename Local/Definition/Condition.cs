using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>What a Choice rule tests: a boolean combination (And, Or, Not) or a data-test comparison (as the model's <c>Condition</c>).</summary>
public abstract record Condition;

/// <summary>
/// A data test such as <c>{"Variable": "$.n", "NumericGreaterThan": 3}</c>: <see cref="Operator"/> is the
/// operator's field name (including a "Path" suffix) and <see cref="Operand"/> its value.
/// </summary>
public sealed record ComparisonCondition(string Variable, string Operator, JsonNode? Operand) : Condition;

public sealed record AndCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record OrCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record NotCondition(Condition Condition) : Condition;

/// <summary>A JSONata rule's <c>Condition</c>: an expression (<c>{% ... %}</c>) that must evaluate to a boolean, or the boolean itself.</summary>
public sealed record JsonataCondition(JsonNode? Expression) : Condition;

/// <summary>A top-level Choice rule: its condition and the state it leads to (as the model's <c>ChoiceRule</c>).</summary>
public sealed record ChoiceRule(Condition Condition, string Next)
{
    /// <summary>JSONata: the state's output when this rule matches.</summary>
    public System.Text.Json.Nodes.JsonNode? Output { get; init; }

    /// <summary>JSONata: the variables set when this rule matches.</summary>
    public System.Text.Json.Nodes.JsonObject? Assign { get; init; }
}
