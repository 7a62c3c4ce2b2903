using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Paths;

/// <summary>
/// The body of a filter <c>[?( ... )]</c>, as Jayway JsonPath (which Step Functions runs) reads it: comparisons
/// <c>== != &lt; &lt;= &gt; &gt;=</c> and <c>=~ /regex/</c>, existence tests, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and parentheses.
/// </summary>
public abstract record FilterExpression
{
    /// <summary><c>@.a.b</c> alone: the path matches something.</summary>
    public sealed record Exists(PathExpression Path) : FilterExpression;

    public sealed record Comparison(FilterOperand Left, string Operator, FilterOperand Right) : FilterExpression;

    public sealed record And(FilterExpression Left, FilterExpression Right) : FilterExpression;

    public sealed record Or(FilterExpression Left, FilterExpression Right) : FilterExpression;

    public sealed record Not(FilterExpression Operand) : FilterExpression;
}

/// <summary>One side of a filter comparison.</summary>
public abstract record FilterOperand
{
    /// <summary><c>@...</c> on the candidate, or <c>$...</c> on the document the whole path reads.</summary>
    public sealed record Path(PathExpression Expression) : FilterOperand;

    /// <summary>A string, number, boolean or null; the value is shared, so readers copy it.</summary>
    public sealed record Literal(JsonNode? Value) : FilterOperand;

    /// <summary><c>/pattern/flags</c>, the right side of <c>=~</c>.</summary>
    public sealed record Pattern(string Source, string Flags) : FilterOperand;
}
