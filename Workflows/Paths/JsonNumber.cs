using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Paths;

/// <summary>Reads a JSON number whether the node was parsed from text or created from a .NET value.</summary>
public static class JsonNumber
{
    public static bool TryGet(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        return json.TryGetValue(out value)
            || double.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value when it is a whole number at least <paramref name="minimum"/>; null otherwise.</summary>
    public static long? WholeAtLeast(JsonNode? node, long minimum) =>
        TryGet(node, out var value) && value == Math.Floor(value) && value >= minimum && value <= long.MaxValue ? (long)value : null;
}
