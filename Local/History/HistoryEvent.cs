using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using System.Text.Json.Nodes;

namespace Pipeline.Local.History;

/// <summary>
/// One event of an execution's history, shaped like AWS's HistoryEvent: a sequential id, the id of the previous event
/// on the same branch, the virtual timestamp, the type and its details (the fields of AWS's *EventDetails object).
/// </summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, HistoryEventType Type, JsonObject Details)
{
    /// <summary>The name AWS gives the details object, e.g. stateEnteredEventDetails; null when there are none.</summary>
    public string? DetailsKey
    {
        get
        {
            if (Details.Count == 0)
            {
                return null;
            }

            var name = Type.ToString();
            return name.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
                : name.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
                : $"{char.ToLowerInvariant(name[0])}{name[1..]}EventDetails";
        }
    }

    /// <summary>The event as GetExecutionHistory returns it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["timestamp"] = AslTimestamp.FormatMilliseconds(Timestamp),
            ["type"] = Type.ToString(),
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
        };
        if (DetailsKey is { } key)
        {
            json[key] = Details.DeepClone();
        }

        return json;
    }
}
