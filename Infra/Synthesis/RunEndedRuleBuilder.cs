using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Model;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The rule that notifies a Standard execution ending FAILED, TIMED_OUT or ABORTED (<see cref="RunEndedNotification"/>):
/// its failed Map Run is left uncaught so that RedriveExecution can continue it, and a timeout or a stop ends it before
/// any state could notify. The topic's policy and the key's let EventBridge publish for this rule only.
/// </summary>
public static class RunEndedRuleBuilder
{
    public static IEnumerable<Resource> Build(SynthesisContext context, SfnStateMachine standard, SnsTopic topic, SqsQueue deadLetters)
    {
        var rule = new CloudWatchEventRule(LogicalNames.RunEndedRule)
        {
            Name = context.RunEndedRuleName,
            Description = $"Standard executions that end {string.Join(", ", RunEndedNotification.Statuses)} notify the pipeline's topic, with how to redrive them.",
            EventPattern = new ExecutionStatusPattern(standard.ArnOutput, RunEndedNotification.Statuses),
        };
        yield return rule;
        yield return new CloudWatchEventTarget(LogicalNames.Target(LogicalNames.RunEndedRule))
        {
            Rule = rule.Output("name"),
            Arn = topic.ArnOutput,
            InputTransformer = new EventTargetInputTransformer
            {
                InputPaths = RunEndedNotification.InputPaths.ToDictionary(pair => pair.Key, pair => (Input)pair.Value, StringComparer.Ordinal),

                // A template that is a JSON string reaches SNS as that text.
                InputTemplate = $"\"{RunEndedNotification.Template}\"",
            },
            DeadLetterConfig = new EventTargetDeadLetterConfig { Arn = deadLetters.ArnOutput },
            RetryPolicy = new EventTargetRetryPolicy
            {
                MaximumEventAgeInSeconds = context.Settings.EventMaxAgeSeconds,
                MaximumRetryAttempts = context.Settings.EventRetryAttempts,
            },
            Options = new ResourceOptions { DependsOn = [topic.LogicalName + "Policy", LogicalNames.DeadLetterQueuePolicy] },
        };
    }
}
