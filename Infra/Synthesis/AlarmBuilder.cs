using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// Alarms on failed executions of each machine and on events in the dead-letter queue. They exist in
/// every stack; <see cref="Settings.StackSettings.AlarmsEnabled"/> decides whether they notify the topic.
/// </summary>
public static class AlarmBuilder
{
    public const int PeriodSeconds = 300;

    public static IReadOnlyList<CloudWatchMetricAlarm> Build(
        SynthesisContext context,
        SfnStateMachine standard,
        SfnStateMachine express,
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

        return
        [
            Alarm("standardExecutionsFailedAlarm", "standard-executions-failed",
                "An execution of the Standard state machine failed.",
                "AWS/States", "ExecutionsFailed", "StateMachineArn", standard.ArnOutput, "Sum"),
            Alarm("expressExecutionsFailedAlarm", "express-executions-failed",
                "An execution of the Express state machine failed.",
                "AWS/States", "ExecutionsFailed", "StateMachineArn", express.ArnOutput, "Sum"),
            Alarm("deadLetterQueueDepthAlarm", "dead-letter-queue-depth",
                "An S3 event could not start a state machine and waits in the dead-letter queue.",
                "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", deadLetters.Output("name"), "Maximum"),
        ];
    }
}
