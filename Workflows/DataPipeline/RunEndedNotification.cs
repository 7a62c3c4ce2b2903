namespace Pipeline.Workflows.DataPipeline;

/// <summary>
/// The notification of a Standard execution that ends without success in a way the workflow cannot notify itself: a
/// failed Map Run (left uncaught so a redrive can continue it), a timeout or a stop. Step Functions sends the
/// "Execution Status Change" event to EventBridge for Standard executions only; a rule forwards it to the topic with
/// this message, and the local runner sends the same message when a Standard execution ends so.
/// </summary>
public static class RunEndedNotification
{
    /// <summary>The statuses the rule matches (the event's <c>detail.status</c>).</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["FAILED", "TIMED_OUT", "ABORTED"];

    /// <summary>The event fields the message names, as EventBridge input paths.</summary>
    public static IReadOnlyDictionary<string, string> InputPaths { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "$.detail.name",
        ["status"] = "$.detail.status",
        ["execution"] = "$.detail.executionArn",
    };

    /// <summary>The message, with EventBridge's <c>&lt;placeholder&gt;</c> for each input path.</summary>
    public const string Template =
        "Pipeline run <name> ended <status> on the Standard state machine. Its history names the state it ended in; "
        + "when that is ProcessChunks, `aws stepfunctions redrive-execution --execution-arn <execution>` runs only the chunks that failed, "
        + "and chunks already stored are not written twice.";

    /// <summary>The message for one execution, as EventBridge's input transformer renders the template.</summary>
    public static string Render(string name, string status, string executionArn) => Template
        .Replace("<name>", name, StringComparison.Ordinal)
        .Replace("<status>", status, StringComparison.Ordinal)
        .Replace("<execution>", executionArn, StringComparison.Ordinal);
}
