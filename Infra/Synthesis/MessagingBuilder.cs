using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The dead-letter queue for events EventBridge could not deliver, and the notification topic the
/// workflow, the alarms and the run-ended rule publish to; both encrypted with the project key and TLS only.
/// </summary>
public static class MessagingBuilder
{
    public const int FourteenDays = 1_209_600;
    public const int DataKeyReuseSeconds = 300;

    public static SqsQueue DeadLetterQueue(SynthesisContext context, KmsKey key) => new(LogicalNames.DeadLetterQueue)
    {
        Name = context.Naming.DeadLetterQueueName,
        KmsMasterKeyId = key.ArnOutput,
        KmsDataKeyReusePeriodSeconds = DataKeyReuseSeconds,
        MessageRetentionSeconds = FourteenDays,
    };

    public static SqsQueuePolicy DeadLetterQueuePolicy(SqsQueue queue, IEnumerable<Resource> rules) => new(LogicalNames.DeadLetterQueuePolicy)
    {
        QueueUrl = queue.Output("url"),
        Policy = new PolicyDocument(
            new PolicyStatement
            {
                Sid = "EventBridgeRulesSendDeadLetters",
                Principal = PolicyPrincipal.Service("events.amazonaws.com"),
                Actions = ["sqs:SendMessage"],
                Resources = [queue.ArnOutput],
                Conditions = [PolicyCondition.ArnEquals("aws:SourceArn", rules.Select(rule => (Input)rule.ArnOutput).ToArray())],
            },
            Statements.DenyInsecureTransport("sqs:*", queue.ArnOutput)),
    };

    public static SnsTopic Topic(KmsKey key) => new(LogicalNames.Topic)
    {
        KmsMasterKeyId = key.ArnOutput,
    };

    public static SnsTopicPolicy TopicPolicy(SnsTopic topic, IEnumerable<CloudWatchMetricAlarm> alarms, IEnumerable<CloudWatchEventRule> rules) => new(topic.LogicalName + "Policy")
    {
        Arn = topic.ArnOutput,
        Policy = new PolicyDocument(
            ServicePublishes("PipelineAlarmsPublish", "cloudwatch.amazonaws.com", topic, [.. alarms.Select(alarm => AwsAccount.AlarmArn(alarm.Name))]),
            ServicePublishes("PipelineRulesPublish", "events.amazonaws.com", topic, [.. rules.Select(rule => AwsAccount.RuleArn(rule.Name))]),
            Statements.DenyInsecureTransport("sns:Publish", topic.ArnOutput)),
    };

    /// <summary>A service may publish to the topic on behalf of the given resources of this account only.</summary>
    private static PolicyStatement ServicePublishes(string sid, string service, SnsTopic topic, Input[] sources) => new()
    {
        Sid = sid,
        Principal = PolicyPrincipal.Service(service),
        Actions = ["sns:Publish"],
        Resources = [topic.ArnOutput],
        Conditions =
        [
            PolicyCondition.ArnEquals("aws:SourceArn", sources),
            PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
        ],
    };

    public static SnsTopicSubscription EmailSubscription(SnsTopic topic, ConfigDeclaration email) => new(LogicalNames.EmailSubscription)
    {
        Topic = topic.ArnOutput,
        Protocol = "email",
        Endpoint = email.Reference,
    };
}
