using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pipeline.Local.Clock;
using Pipeline.Local.History;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

/// <summary>
/// One sequential thread of an execution: its virtual timeline, the id of its last history event (AWS links each
/// event to the previous one of its own branch), its random source and its cancellation. Forks derive their seed
/// from the parent's seed and their index, so jitter and UUIDs do not depend on thread scheduling.
/// </summary>
internal sealed class ExecutionPath : IEventThread
{
    public ExecutionPath(VirtualTimeline timeline, long lastEventId, int seed, CancellationToken cancellationToken)
    {
        Timeline = timeline;
        LastEventId = lastEventId;
        Seed = seed;
        Random = new Random(seed);
        Intrinsics = new IntrinsicFunctions(Random);
        CancellationToken = cancellationToken;
    }

    public VirtualTimeline Timeline { get; }

    public long LastEventId { get; set; }

    public DateTimeOffset UtcNow => Timeline.UtcNow;

    public int Seed { get; }

    public Random Random { get; }

    public IntrinsicFunctions Intrinsics { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The workflow variables this branch sees; a fork starts with its parent's, and what it assigns stays in it.</summary>
    public ImmutableDictionary<string, JsonNode?> Variables { get; set; } = ImmutableDictionary<string, JsonNode?>.Empty;

    /// <summary>What a JSONPath field of this branch reads: <paramref name="data"/> as <c>$</c>, the context object, the variables.</summary>
    public PathScope Scope(JsonNode? data, JsonNode? context) => new(data, context, Variables);

    /// <summary>The variables the state now running has assigned, for its StateExited event (AWS's assignedVariables).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? Assigned { get; set; }

    public ExecutionPath Fork(int index, DateTimeOffset start, CancellationToken cancellationToken) =>
        new(Timeline.Fork(start), LastEventId, unchecked((Seed * 31) + index + 1), cancellationToken) { Variables = Variables };
}
