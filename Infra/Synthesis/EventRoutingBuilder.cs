using Pipeline.Functions.Storage;
using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// S3 "Object Created" events under the upload prefix start the Express state machine, whatever the object's size: its
/// first state hands objects of at least <see cref="Settings.StackSettings.ExpressMaxObjectBytes"/> over to the Standard
/// machine (see <see cref="PipelineWorkflow"/>). The target retries, then sends the event to the dead-letter queue.
/// </summary>
public static class EventRoutingBuilder
{
    public static IEnumerable<Resource> Build(
        SynthesisContext context,
        S3Bucket ingest,
        SfnStateMachine express,
        SqsQueue deadLetters,
        KmsKey key)
    {
        var ruleArns = context.RuleNames.Select(AwsAccount.RuleArn).ToArray();
        var role = new IamRole(LogicalNames.EventsRole)
        {
            Description = $"Lets the {context.Naming.Prefix} upload rule start the pipeline's Express state machine.",
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
                    Resources = [express.ArnOutput],
                },
                StateMachineBuilder.ExecutionDataKey("UseKeyForExecutionInput", key, express.ArnOutput)),
        };
        yield return role;
        yield return policy;

        var rule = new CloudWatchEventRule(LogicalNames.UploadRule)
        {
            Name = context.UploadRuleName,
            Description = $"Objects created under {StorageLayout.IncomingPrefix} start the Express state machine, which hands objects of "
                + $"{context.Settings.ExpressMaxObjectBytes} bytes or more over to the Standard one.",
            EventPattern = new EventPattern(ingest.Output("bucket"), StorageLayout.IncomingPrefix),
        };
        yield return rule;
        yield return new CloudWatchEventTarget(LogicalNames.Target(LogicalNames.UploadRule))
        {
            Rule = rule.Output("name"),
            Arn = express.ArnOutput,
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
