using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.History;

/// <summary>
/// Collects events from every branch of an execution; ids follow the order events happen in. With a
/// <paramref name="maxEvents"/> quota, the last event may only be the execution's end: any other throws
/// <see cref="HistoryLimitExceededException"/> without being recorded. A redriven execution continues the history of
/// its earlier attempts (<paramref name="earlier"/>), and they count towards the quota.
/// </summary>
internal sealed class ExecutionHistory(Action<HistoryEvent>? onEvent = null, int? maxEvents = null, IReadOnlyList<HistoryEvent>? earlier = null)
{
    private readonly List<HistoryEvent> events = [.. earlier ?? []];
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
            if (events.Count + 1 >= maxEvents && type is not (HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed))
            {
                throw new HistoryLimitExceededException();
            }

            var id = events.Count + 1L;
            var recorded = new HistoryEvent(id, path.LastEventId, path.Timeline.UtcNow, type, details ?? []);
            events.Add(recorded);
            path.LastEventId = id;
            onEvent?.Invoke(recorded);
        }
    }
}
