using Pipeline.Functions;
using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// S3 "Object Created" events under the upload prefix start a state machine: objects smaller than
/// <see cref="Settings.StackSettings.ExpressMaxObjectBytes"/> the Express one, the others the Standard
/// one. Each target retries, then sends the event to the dead-letter queue.
/// </summary>
public static class EventRoutingBuilder
{
    public const string SmallerThan = "<";
    public const string AtLeast = ">=";

    public static IEnumerable<Resource> Build(
        SynthesisContext context,
        S3Bucket ingest,
        SfnStateMachine express,
        SfnStateMachine standard,
        SqsQueue deadLetters,
        KmsKey key)
    {
        var ruleArns = context.RuleNames.Select(AwsAccount.RuleArn).ToArray();
        var role = new IamRole(LogicalNames.EventsRole)
        {
            Description = $"Lets the {context.Naming.Prefix} EventBridge rules start the pipeline's state machines.",
            AssumeRolePolicy = Statements.Trust("events.amazonaws.com", ruleArns),
        };
        var policy = new IamRolePolicy(LogicalNames.EventsRolePolicy)
        {
            Role = role.IdOutput,
            Policy = new PolicyDocument(
                new PolicyStatement
                {
                    Sid = "StartPipelineExecutions",
                    Actions = ["states:StartExecution"],
                    Resources = [express.ArnOutput, standard.ArnOutput],
                },
                StateMachineBuilder.ExecutionDataKey("UseKeyForExecutionInput", key, express.ArnOutput, standard.ArnOutput)),
        };
        yield return role;
        yield return policy;

        var threshold = context.Settings.ExpressMaxObjectBytes;
        var routes = new[]
        {
            (LogicalNames.SmallObjectRule, context.SmallObjectRuleName, SmallerThan, express, "Express"),
            (LogicalNames.LargeObjectRule, context.LargeObjectRuleName, AtLeast, standard, "Standard"),
        };
        foreach (var (logicalName, name, comparison, machine, kind) in routes)
        {
            var rule = new CloudWatchEventRule(logicalName)
            {
                Name = name,
                Description = $"Objects created under {StorageLayout.IncomingPrefix} with size {comparison} {threshold} bytes start the {kind} state machine.",
                EventPattern = new EventPattern(ingest.Output("bucket"), StorageLayout.IncomingPrefix, comparison, threshold),
            };
            yield return rule;
            yield return new CloudWatchEventTarget(LogicalNames.Target(logicalName))
            {
                Rule = rule.Output("name"),
                Arn = machine.ArnOutput,
                RoleArn = role.ArnOutput,
                DeadLetterConfig = new EventTargetDeadLetterConfig { Arn = deadLetters.ArnOutput },
                RetryPolicy = new EventTargetRetryPolicy
                {
                    MaximumEventAgeInSeconds = context.Settings.EventMaxAgeSeconds,
                    MaximumRetryAttempts = context.Settings.EventRetryAttempts,
                },
                Options = new ResourceOptions { DependsOn = [policy.LogicalName, LogicalNames.DeadLetterQueuePolicy] },
            };
        }
    }
}
