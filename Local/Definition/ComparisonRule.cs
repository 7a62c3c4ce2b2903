using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>
/// A data test such as <c>{"Variable": "$.n", "NumericGreaterThan": 3}</c>: <see cref="Operator"/> is the
/// operator's field name (including a "Path" suffix) and <see cref="Operand"/> its value.
/// </summary>
public sealed record ComparisonRule(string Variable, string Operator, JsonNode? Operand) : ChoiceRule;
