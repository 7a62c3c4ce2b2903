using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Local.History;

namespace Pipeline.Local.Engine;

/// <summary>
/// A failed execution as JSON, with what a redrive needs (its name, input, history and <see cref="RedrivePoint"/>), so
/// that a later process can redrive it: Step Functions keeps an execution for 14 days; the local runner keeps this file.
/// </summary>
public static class ExecutionRecord
{
    public static JsonObject Write(ExecutionResult execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var record = new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["name"] = execution.Name,
            ["type"] = execution.Type.ToString(),
            ["status"] = execution.Status.ToString(),
            ["error"] = execution.Error,
            ["cause"] = execution.Cause,
            ["input"] = execution.Input?.DeepClone(),
            ["startTime"] = Time(execution.StartTime),
            ["stopTime"] = Time(execution.StopTime),
            ["redriveCount"] = execution.RedriveCount,
            ["history"] = new JsonArray([.. execution.History.Select(e => new JsonObject
            {
                ["id"] = e.Id,
                ["previousEventId"] = e.PreviousEventId,
                ["timestamp"] = Time(e.Timestamp),
                ["type"] = e.Type.ToString(),
                ["details"] = e.Details.DeepClone(),
            })]),
        };
        if (execution.RedrivePoint is { } point)
        {
            record["redrivePoint"] = new JsonObject
            {
                ["stateName"] = point.StateName,
                ["input"] = point.Input?.DeepClone(),
                ["completed"] = new JsonObject([.. point.Completed.Select(pair =>
                    KeyValuePair.Create(pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value?.DeepClone()))]),
                ["mapRunArn"] = point.MapRunArn,
            };
        }

        return record;
    }

    /// <summary>The execution a record describes; it carries no metering (invocations, transitions), only what redrive reads.</summary>
    public static ExecutionResult Read(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var type = Enum.Parse<WorkflowVariant>(Text(record, "type"));
        var history = record["history"]!.AsArray().Select(e => new HistoryEvent(
            e!["id"]!.GetValue<long>(),
            e["previousEventId"]!.GetValue<long>(),
            DateTimeOffset.Parse(Text(e, "timestamp"), CultureInfo.InvariantCulture),
            Enum.Parse<HistoryEventType>(Text(e, "type")),
            e["details"]!.DeepClone().AsObject())).ToList();
        var (start, stop) = (DateTimeOffset.Parse(Text(record, "startTime"), CultureInfo.InvariantCulture), DateTimeOffset.Parse(Text(record, "stopTime"), CultureInfo.InvariantCulture));
        var point = record["redrivePoint"] is JsonObject p
            ? new RedrivePoint(
                Text(p, "stateName"),
                p["input"]?.DeepClone(),
                p["completed"]!.AsObject().ToDictionary(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture), pair => pair.Value?.DeepClone()),
                p["mapRunArn"]?.GetValue<string>())
            : null;
        return new ExecutionResult
        {
            ExecutionArn = Text(record, "executionArn"),
            Name = Text(record, "name"),
            Type = type,
            Status = Enum.Parse<ExecutionStatus>(Text(record, "status")),
            Error = record["error"]?.GetValue<string>(),
            Cause = record["cause"]?.GetValue<string>(),
            Input = record["input"]?.DeepClone(),
            StartTime = start,
            StopTime = stop,
            History = history,
            StateTransitions = 0,
            LambdaInvocations = [],
            DefinitionBytes = 0,
            FanOutDataBytes = 0,
            RedriveCount = record["redriveCount"]!.GetValue<int>(),
            RedrivePoint = point,
            Quotas = new QuotaUsage(type, history.Count, 0, null, stop - start, 0),
        };
    }

    private static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string Text(JsonNode node, string field) =>
        node[field]?.GetValue<string>() ?? throw new FormatException($"the execution record has no {field}");
}
