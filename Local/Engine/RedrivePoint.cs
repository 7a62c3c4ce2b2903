using System.Text.Json.Nodes;

namespace Pipeline.Local.Engine;

/// <summary>
/// Where a redrive continues a failed Standard execution: the state it failed in, the input that state was given, and
/// the work of that state that had already succeeded, by index (Map iterations and Parallel branches: their outputs; a
/// distributed Map's children: their ResultWriter entries), which a redrive does not run again.
/// </summary>
/// <param name="MapRunArn">The failed Map Run of a distributed Map, which a redrive continues under the same ARN.</param>
public sealed record RedrivePoint(string StateName, JsonNode? Input, IReadOnlyDictionary<int, JsonNode?> Completed, string? MapRunArn = null)
{
    public static IReadOnlyDictionary<int, JsonNode?> NothingCompleted { get; } = new Dictionary<int, JsonNode?>();
}
