using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.History;

/// <summary>Collects events from every branch of an execution; ids follow the order events happen in.</summary>
internal sealed class ExecutionHistory(Action<HistoryEvent>? onEvent = null)
{
    private readonly List<HistoryEvent> events = [];
    private readonly Lock gate = new();

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    public void Add(ExecutionPath path, HistoryEventType type, JsonObject? details = null)
    {
        lock (gate)
        {
            var id = events.Count + 1L;
            var recorded = new HistoryEvent(id, path.LastEventId, path.Timeline.UtcNow, type, details ?? []);
            events.Add(recorded);
            path.LastEventId = id;
            onEvent?.Invoke(recorded);
        }
    }
}
