using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Runner;

namespace Pipeline.Local.Commands;

/// <summary>How <c>run</c> reports an outcome: summary lines, one JSON object, or the failure message.</summary>
internal static class RunSummary
{
    public static IEnumerable<string> Lines(RunOutcome outcome)
    {
        var execution = outcome.Execution;
        yield return string.Empty;
        yield return $"{execution.Status}: execution {execution.Name} on the {outcome.Variant} state machine";
        yield return $"  records in {Show(outcome.RecordsIn)}, valid {Show(outcome.Valid)}, invalid {Show(outcome.Invalid)}, stored {outcome.Stored} (in {outcome.Chunks} chunks)"
            + (outcome.Rejected > 0 ? $", refused by the table {outcome.Rejected}" : string.Empty);
        yield return outcome.QuarantineKey is { } key
            ? $"  quarantine file: s3://{outcome.Bucket}/{key}, copied to {outcome.QuarantineCopy}"
            : "  quarantine file: none (no invalid record)";
        foreach (var refused in outcome.RejectedKeys)
        {
            yield return $"  records the table refused: s3://{outcome.Bucket}/{refused}";
        }
        yield return string.Create(CultureInfo.InvariantCulture, $"  state transitions {execution.StateTransitions}, {execution.Duration.TotalSeconds:0.###} s of virtual time, {outcome.WallTime.TotalSeconds:0.00} s wall time");
        yield return $"  quotas ({execution.Type}): {string.Join("; ", execution.Quotas.Lines())}";
        var children = outcome.Cost.ChildExecutions > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {outcome.Cost.ChildExecutions} child executions, {outcome.Cost.ChildStateTransitions} transitions, ${outcome.Cost.ChildCost:0.#########}")
            : string.Empty;
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"  estimated cost: ${outcome.Cost.StandardTotal:0.#########} as Standard, ${outcome.Cost.ExpressTotal:0.#########} as Express (Lambda included: {outcome.Cost.LambdaInvocations} invocations{children})");
        foreach (var message in outcome.Notifications)
        {
            yield return $"  notification [{message.Subject}]: {message.Message}";
        }
    }

    public static string FailureMessage(RunOutcome outcome) =>
        $"run failed in state {outcome.FailedState ?? "(no task failed)"}: {outcome.Execution.Error}: {Readable(outcome.Execution.Cause)}\n"
        + $"the input is kept: the uploaded object was s3://{outcome.Bucket}/{outcome.Key} (your file is unchanged) and the event is saved in {outcome.SavedInputPath}; "
        + $"`redrive {outcome.Execution.Name}` against the servers of `serve` "
        + (outcome.Execution.RedrivePoint is { } point ? $"continues it from {point.StateName}" : "runs its input again");

    public static JsonObject ToJson(RunOutcome outcome) => new()
    {
        ["status"] = outcome.Execution.Status.ToString(),
        ["executionName"] = outcome.Execution.Name,
        ["variant"] = outcome.Variant.ToString(),
        ["bucket"] = outcome.Bucket,
        ["key"] = outcome.Key,
        ["recordsIn"] = outcome.RecordsIn,
        ["valid"] = outcome.Valid,
        ["invalid"] = outcome.Invalid,
        ["stored"] = outcome.Stored,
        ["rejected"] = outcome.Rejected,
        ["chunks"] = outcome.Chunks,
        ["quarantineKey"] = outcome.QuarantineKey,
        ["quarantineCopy"] = outcome.QuarantineCopy,
        ["stateTransitions"] = outcome.Execution.StateTransitions,
        ["virtualSeconds"] = outcome.Execution.Duration.TotalSeconds,
        ["wallSeconds"] = outcome.WallTime.TotalSeconds,
        ["quotas"] = new JsonObject
        {
            ["historyEvents"] = outcome.Execution.Quotas.HistoryEvents,
            ["largestPayloadBytes"] = outcome.Execution.Quotas.LargestPayloadBytes,
            ["largestPayloadState"] = outcome.Execution.Quotas.LargestPayloadState,
            ["durationLimitSeconds"] = outcome.Execution.Quotas.DurationLimitSeconds,
            ["peakMapConcurrency"] = outcome.Execution.Quotas.PeakMapConcurrency,
        },
        ["estimatedCost"] = new JsonObject
        {
            ["standard"] = outcome.Cost.StandardTotal,
            ["express"] = outcome.Cost.ExpressTotal,
        },
        ["error"] = outcome.Execution.Error,
        ["cause"] = outcome.Execution.Cause,
        ["failedState"] = outcome.FailedState,
        ["savedInput"] = outcome.SavedInputPath,
    };

    /// <summary>A Lambda error cause is JSON with a stack trace; its errorMessage is what a reader needs.</summary>
    private static string? Readable(string? cause)
    {
        try
        {
            return cause is not null && JsonNode.Parse(cause) is JsonObject error && error["errorMessage"] is JsonValue message
                ? message.ToString()
                : cause;
        }
        catch (JsonException)
        {
            return cause;
        }
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
