using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Paths;

/// <summary>
/// Evaluates a JSONPath parsed by the one parser (<see cref="PathParser"/>) as Step Functions does: a definite path
/// (names and indexes only) yields one value, any other an array of the matches. It reads the data (<c>$</c>), the
/// context object (<c>$$</c>) or a variable (<c>$name</c>) of its <see cref="PathScope"/>.
/// </summary>
public sealed class JsonPath
{
    private static readonly ParsedTexts<JsonPath> Parsed = new(text => new JsonPath(PathParser.Path(text)), (text, ex) => $"Invalid JSONPath '{text}': {ex.Message}.");

    private readonly PathExpression expression;

    private JsonPath(PathExpression expression)
    {
        this.expression = expression;
    }

    public string Text => expression.Text;

    public bool IsDefinite => expression.IsDefinite;

    /// <summary>Parses a path; a malformed one fails with States.Runtime naming it (a loaded definition holds none).</summary>
    public static JsonPath Parse(string text) => Parsed.Get(text);

    internal static JsonPath Of(PathExpression expression) => new(expression);

    /// <summary>Evaluates the path over <paramref name="data"/> alone.</summary>
    public JsonNode? Evaluate(JsonNode? data) => Evaluate(PathScope.Of(data));

    /// <summary>Evaluates the path; a definite path that matches nothing fails with States.Runtime.</summary>
    public JsonNode? Evaluate(PathScope scope) =>
        TryEvaluate(scope, out var value)
            ? value
            : throw new StatesErrorException(ErrorNames.Runtime, $"Invalid path '{Text}': No results for path: {Text}");

    /// <summary>Whether the path matches a value (IsPresent, and optional lookups); an unassigned variable fails.</summary>
    public bool TryEvaluate(PathScope scope, out JsonNode? value)
    {
        var matches = Select(Root(scope), expression.Segments);
        if (IsDefinite && matches.Count != 1)
        {
            value = null;
            return false;
        }

        value = IsDefinite ? matches[0]?.DeepClone() : new JsonArray([.. matches.Select(m => m?.DeepClone())]);
        return true;
    }

    private JsonNode? Root(PathScope scope) => expression.Root switch
    {
        PathRoot.Context => scope.Context,
        PathRoot.Variable => scope.Variables.TryGetValue(expression.Variable!, out var value)
            ? value
            : throw new StatesErrorException(ErrorNames.Runtime, $"Invalid path '{Text}': the variable '{expression.Variable}' is not assigned."),
        _ => scope.Data,
    };

    internal static List<JsonNode?> Select(JsonNode? root, IReadOnlyList<PathSegment> segments)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                Apply(segment, node, root, next);
            }

            current = next;
        }

        return current;
    }

    private static void Apply(PathSegment segment, JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        switch (segment)
        {
            case PathSegment.Name name:
                if (node is JsonObject obj && obj.TryGetPropertyValue(name.Value, out var child))
                {
                    output.Add(child);
                }

                break;
            case PathSegment.Index index:
                if (node is JsonArray array)
                {
                    var i = index.Value < 0 ? array.Count + index.Value : index.Value;
                    if (i >= 0 && i < array.Count)
                    {
                        output.Add(array[i]);
                    }
                }

                break;
            case PathSegment.Wildcard:
                output.AddRange(Children(node));
                break;
            case PathSegment.Union union:
                foreach (var part in union.Parts)
                {
                    Apply(part, node, root, output);
                }

                break;
            case PathSegment.Slice slice:
                if (node is JsonArray items)
                {
                    AddSlice(slice, items, output);
                }

                break;
            case PathSegment.DeepScan deep:
                foreach (var descendant in SelfAndDescendants(node))
                {
                    Apply(deep.Target, descendant, root, output);
                }

                break;
            case PathSegment.Filter filter:
                var candidates = node is JsonArray elements ? elements.ToList() : [node];
                output.AddRange(candidates.Where(candidate => FilterEvaluator.Matches(filter.Expression, candidate, root)));
                break;
        }
    }

    /// <summary>Python's slice rules: missing bounds take the ends, negative bounds count from the end, a negative step walks back.</summary>
    private static void AddSlice(PathSegment.Slice slice, JsonArray items, List<JsonNode?> output)
    {
        var count = items.Count;
        if (slice.Step > 0)
        {
            for (var i = Bound(slice.Start, 0, count, 0, count); i < Bound(slice.End, count, count, 0, count); i += slice.Step)
            {
                output.Add(items[i]);
            }
        }
        else
        {
            for (var i = Bound(slice.Start, count - 1, count, -1, count - 1); i > Bound(slice.End, -1, count, -1, count - 1); i += slice.Step)
            {
                output.Add(items[i]);
            }
        }
    }

    private static int Bound(int? given, int absent, int count, int lowest, int highest) =>
        given is not { } value ? absent : Math.Clamp(value < 0 ? count + value : value, lowest, highest);

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value),
        JsonArray array => array,
        _ => [],
    };

    private static IEnumerable<JsonNode?> SelfAndDescendants(JsonNode? node)
    {
        yield return node;
        foreach (var child in Children(node))
        {
            foreach (var descendant in SelfAndDescendants(child))
            {
                yield return descendant;
            }
        }
    }

    internal static bool ValuesEqual(JsonNode? left, JsonNode? right)
    {
        if (JsonNumber.TryGet(left, out var a) && JsonNumber.TryGet(right, out var b))
        {
            return a == b;
        }

        return JsonNode.DeepEquals(left, right);
    }
}
