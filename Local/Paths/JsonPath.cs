using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Paths;

/// <summary>
/// A JSONPath as Step Functions evaluates it: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[0]</c>, <c>[-1]</c>,
/// <c>[*]</c>, <c>.*</c>, <c>..name</c>, unions <c>[0,2]</c>, slices <c>[1:3]</c> and simple filters
/// <c>[?(@.x == 1)]</c> / <c>[?(@.x)]</c>. A definite path (names and indexes only) yields one value; any other yields
/// an array of the matches. Anything else fails to parse with a message naming the path.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<PathSegment> segments;

    private JsonPath(string text, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        this.segments = segments;
        IsDefinite = segments.All(s => s is PathSegment.Name or PathSegment.Index);
    }

    public string Text { get; }

    public bool IsDefinite { get; }

    public static JsonPath Parse(string text)
    {
        var parser = new PathParser(text, '$');
        return new JsonPath(text, parser.ParseSegments());
    }

    /// <summary>Evaluates the path; a definite path that matches nothing fails with States.Runtime.</summary>
    public JsonNode? Evaluate(JsonNode? root)
    {
        var matches = Select(root);
        if (IsDefinite)
        {
            return matches.Count == 1
                ? matches[0]?.DeepClone()
                : throw new StatesErrorException(ErrorNames.Runtime, $"Invalid path '{Text}': No results for path: {Text}");
        }

        return new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
    }

    /// <summary>Whether the path matches a value (used by IsPresent and optional lookups).</summary>
    public bool TryEvaluate(JsonNode? root, out JsonNode? value)
    {
        var matches = Select(root);
        if (IsDefinite && matches.Count != 1)
        {
            value = null;
            return false;
        }

        value = IsDefinite ? matches[0]?.DeepClone() : new JsonArray(matches.Select(m => m?.DeepClone()).ToArray());
        return true;
    }

    internal List<JsonNode?> Select(JsonNode? root) => Select(root, segments);

    internal static List<JsonNode?> Select(JsonNode? root, IReadOnlyList<PathSegment> segments)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                Apply(segment, node, next);
            }

            current = next;
        }

        return current;
    }

    private static void Apply(PathSegment segment, JsonNode? node, List<JsonNode?> output)
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
                    Apply(part, node, output);
                }

                break;
            case PathSegment.Slice slice:
                if (node is JsonArray items)
                {
                    var start = Normalize(slice.Start ?? 0, items.Count);
                    var end = Normalize(slice.End ?? items.Count, items.Count);
                    for (var i = start; i < end; i += slice.Step)
                    {
                        output.Add(items[i]);
                    }
                }

                break;
            case PathSegment.DeepScan deep:
                foreach (var descendant in SelfAndDescendants(node))
                {
                    Apply(deep.Target, descendant, output);
                }

                break;
            case PathSegment.Filter filter:
                var candidates = node is JsonArray elements ? elements.ToList() : [node];
                output.AddRange(candidates.Where(filter.Matches));
                break;
        }
    }

    private static int Normalize(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);

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
