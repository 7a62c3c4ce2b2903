using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Paths;

/// <summary>
/// Whether a filter <c>[?( ... )]</c> holds for a candidate, as Jayway JsonPath decides: an operand that matches nothing
/// makes its comparison false; numbers compare as numbers and strings ordinally, other mixes are unequal and unordered.
/// </summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterExpression expression, JsonNode? candidate, JsonNode? root) => expression switch
    {
        FilterExpression.Exists exists => Lookup(exists.Path, candidate, root, out _),
        FilterExpression.And and => Matches(and.Left, candidate, root) && Matches(and.Right, candidate, root),
        FilterExpression.Or or => Matches(or.Left, candidate, root) || Matches(or.Right, candidate, root),
        FilterExpression.Not not => !Matches(not.Operand, candidate, root),
        FilterExpression.Comparison comparison => Compare(comparison, candidate, root),
        _ => throw new InvalidOperationException($"Unknown filter {expression.GetType().Name}."),
    };

    private static bool Compare(FilterExpression.Comparison comparison, JsonNode? candidate, JsonNode? root)
    {
        if (!Value(comparison.Left, candidate, root, out var left))
        {
            return false;
        }

        if (comparison.Right is FilterOperand.Pattern pattern)
        {
            return left?.GetValueKind() == JsonValueKind.String && Regex(pattern).IsMatch(left.GetValue<string>());
        }

        if (!Value(comparison.Right, candidate, root, out var right))
        {
            return false;
        }

        if (comparison.Operator is "==" or "!=")
        {
            return JsonPath.ValuesEqual(left, right) == (comparison.Operator == "==");
        }

        int? order = (left?.GetValueKind(), right?.GetValueKind()) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) when JsonNumber.TryGet(left, out var a) && JsonNumber.TryGet(right, out var b) => a.CompareTo(b),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()),
            _ => null,
        };
        return order is { } o && comparison.Operator switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            ">=" => o >= 0,
            _ => false,
        };
    }

    private static bool Value(FilterOperand operand, JsonNode? candidate, JsonNode? root, out JsonNode? value)
    {
        switch (operand)
        {
            case FilterOperand.Literal literal:
                value = literal.Value;
                return true;
            case FilterOperand.Path path:
                return Lookup(path.Expression, candidate, root, out value);
            default:
                value = null;
                return false;
        }
    }

    /// <summary>A definite path's one match, or an indefinite path's matches as an array; false when a definite path matches nothing.</summary>
    private static bool Lookup(PathExpression path, JsonNode? candidate, JsonNode? root, out JsonNode? value)
    {
        var found = JsonPath.Select(path.Root == PathRoot.Current ? candidate : root, path.Segments);
        value = path.IsDefinite ? found.FirstOrDefault() : new JsonArray([.. found.Select(node => node?.DeepClone())]);
        return path.IsDefinite ? found.Count == 1 : found.Count > 0;
    }

    private static Regex Regex(FilterOperand.Pattern pattern) =>
        new(pattern.Source, (pattern.Flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
