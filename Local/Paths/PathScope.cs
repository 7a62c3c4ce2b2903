using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Paths;

/// <summary>What a JSONPath state's paths read: the data (<c>$</c>), the context object (<c>$$</c>) and the variables (<c>$name</c>).</summary>
public readonly record struct PathScope(JsonNode? Data, JsonNode? Context, ImmutableDictionary<string, JsonNode?> Variables)
{
    /// <summary>A scope of data alone: no context object, no variables.</summary>
    public static PathScope Of(JsonNode? data) => new(data, null, ImmutableDictionary<string, JsonNode?>.Empty);

    /// <summary>The same context object and variables over other data (a ResultSelector's or an Assign's result).</summary>
    public PathScope Over(JsonNode? data) => this with { Data = data };
}
