using System.Text.Json.Nodes;

namespace Pipeline.Local.History;

/// <summary>
/// Collects events from every branch of an execution; ids follow the order events happen in. With a
/// <paramref name="maxEvents"/> quota, the last event may only be the execution's end: any other throws
/// <see cref="HistoryLimitExceededException"/> without being recorded. A redriven execution continues the history of
/// its earlier attempts (<paramref name="earlier"/>), and they count towards the quota.
/// </summary>
internal sealed class ExecutionHistory(Action<HistoryEvent>? onEvent = null, int? maxEvents = null, IReadOnlyList<HistoryEvent>? earlier = null, bool keep = true)
{
    private readonly List<HistoryEvent> events = [.. earlier ?? []];
    private readonly Lock gate = new();
    private long count = earlier?.Count ?? 0;

    /// <summary>The events kept; none when the history is only counted and passed on (an Express execution's, as on AWS).</summary>
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

    /// <summary>Every event recorded, kept or not.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return (int)count;
            }
        }
    }

    public void Add(IEventThread thread, HistoryEventType type, JsonObject? details = null) => Add(thread, type, details is null ? null : () => details);

    /// <summary>Records an event; its details are built only when the event is kept or someone listens.</summary>
    public void Add(IEventThread thread, HistoryEventType type, Func<JsonObject>? details)
    {
        lock (gate)
        {
            if (count + 1 >= maxEvents && type is not (HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed))
            {
                throw new HistoryLimitExceededException(maxEvents.Value);
            }

            var id = ++count;
            var previous = thread.LastEventId;
            thread.LastEventId = id;
            if (!keep && onEvent is null)
            {
                return;
            }

            var recorded = new HistoryEvent(id, previous, thread.UtcNow, type, details?.Invoke() ?? []);
            if (keep)
            {
                events.Add(recorded);
            }

            onEvent?.Invoke(recorded);
        }
    }
}
