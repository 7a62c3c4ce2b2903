using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// Alarms on every way a run can end badly without a notification from the workflow itself: executions of each machine
/// that failed, timed out (an Express execution ends at 5 minutes without reaching the workflow's Catch), were aborted or
/// throttled; functions that errored or were throttled; and events in the dead-letter queue. They exist in every stack;
/// <see cref="Settings.StackSettings.AlarmsEnabled"/> decides whether they notify the topic. Metric and dimension names
/// are checked against AWS's published metric list in the tests.
/// </summary>
public static class AlarmBuilder
{
    public const int PeriodSeconds = 300;

    /// <summary>The AWS/States metrics alarmed on for each machine: what a Catch in the definition cannot see.</summary>
    public static readonly (string Metric, string Purpose, string Happened)[] ExecutionMetrics =
    [
        ("ExecutionsFailed", "executions-failed", "failed"),
        ("ExecutionsTimedOut", "executions-timed-out", "timed out"),
        ("ExecutionsAborted", "executions-aborted", "was aborted"),
        ("ExecutionThrottled", "executions-throttled", "was throttled"),
    ];

    /// <summary>The AWS/Lambda metrics alarmed on for each function.</summary>
    public static readonly (string Metric, string Purpose, string Happened)[] FunctionMetrics =
    [
        ("Errors", "errors", "failed with an error"),
        ("Throttles", "throttles", "was throttled"),
    ];

    public static IReadOnlyList<CloudWatchMetricAlarm> Build(
        SynthesisContext context,
        SfnStateMachine standard,
        SfnStateMachine express,
        IReadOnlyList<LambdaFunction> functions,
        SqsQueue deadLetters,
        SnsTopic topic)
    {
        CloudWatchMetricAlarm Alarm(string logicalName, string purpose, string description, string ns, string metric,
            string dimension, Input dimensionValue, string statistic) => new(logicalName)
        {
            Name = context.Naming.AlarmName(purpose),
            AlarmDescription = description,
            Namespace = ns,
            MetricName = metric,
            Dimensions = new Dictionary<string, Input> { [dimension] = dimensionValue },
            Statistic = statistic,
            Period = PeriodSeconds,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            TreatMissingData = "notBreaching",
            ActionsEnabled = context.Settings.AlarmsEnabled,
            AlarmActions = [topic.ArnOutput],
        };

        var alarms = new List<CloudWatchMetricAlarm>();
        foreach (var (machine, kind) in new[] { (standard, "standard"), (express, "express") })
        {
            foreach (var (metric, purpose, happened) in ExecutionMetrics)
            {
                alarms.Add(Alarm($"{kind}{metric}Alarm", $"{kind}-{purpose}", $"An execution of the {kind} state machine {happened}.",
                    "AWS/States", metric, "StateMachineArn", machine.ArnOutput, "Sum"));
            }
        }

        foreach (var function in functions)
        {
            foreach (var (metric, purpose, happened) in FunctionMetrics)
            {
                alarms.Add(Alarm($"{function.LogicalName}{metric}Alarm", $"{function.Name[(context.Naming.Prefix.Length + 1)..]}-{purpose}",
                    $"An invocation of {function.Name} {happened}.", "AWS/Lambda", metric, "FunctionName", function.Name, "Sum"));
            }
        }

        alarms.Add(Alarm("deadLetterQueueDepthAlarm", "dead-letter-queue-depth",
            "An S3 event could not start a state machine and waits in the dead-letter queue.",
            "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", deadLetters.Name!, "Maximum"));
        return alarms;
    }
}
