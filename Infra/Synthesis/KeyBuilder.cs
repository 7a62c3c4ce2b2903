using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The project key. Account principals may administer it but use it only through the services that store
/// the pipeline's data (S3, DynamoDB, SQS, SNS); CloudWatch Logs may use it only for the pipeline's log
/// groups, EventBridge only for the pipeline's rules, CloudWatch only to notify the topic from alarms.
/// </summary>
public static class KeyBuilder
{
    public static readonly string[] ServicesStoringData = ["s3", "dynamodb", "sqs", "sns"];

    public static IEnumerable<Resource> Build(SynthesisContext context)
    {
        var key = new KmsKey(LogicalNames.Key)
        {
            Description = $"Encrypts the {context.Naming.Prefix} pipeline's objects, records, messages and logs.",
            EnableKeyRotation = true,
            DeletionWindowInDays = context.Settings.KeyDeletionWindowDays,
            Policy = Policy(context),
            Options = context.Stateful,
        };
        yield return key;
        yield return new KmsAlias(LogicalNames.KeyAlias)
        {
            Name = context.Naming.KeyAlias,
            TargetKeyId = key.IdOutput,
        };
    }

    private static PolicyDocument Policy(SynthesisContext context) => new(
        KeyStatement("AccountAdministersKey", PolicyPrincipal.Aws(AwsAccount.Root),
            [
                "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand",
            ]),
        KeyStatement("AccountUsesKeyThroughPipelineServices", PolicyPrincipal.Aws(AwsAccount.Root),
            ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"],
            PolicyCondition.StringEquals("kms:CallerAccount", AwsAccount.AccountId),
            PolicyCondition.StringEquals("kms:ViaService", ServicesStoringData.Select(AwsAccount.ViaService).ToArray())),
        KeyStatement("CloudWatchLogsEncryptsPipelineLogGroups", PolicyPrincipal.Service(Input.Of($"logs.{AwsAccount.Region}.amazonaws.com")),
            ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            PolicyCondition.ArnLike("kms:EncryptionContext:aws:logs:arn", context.LogGroupNames.Select(AwsAccount.LogGroupArn).ToArray())),
        KeyStatement("EventBridgeWritesDeadLetters", PolicyPrincipal.Service("events.amazonaws.com"),
            ["kms:Decrypt", "kms:GenerateDataKey"],
            PolicyCondition.ArnEquals("aws:SourceArn", context.RuleNames.Select(AwsAccount.RuleArn).ToArray())),
        // CloudWatch documents no condition key for the KMS calls SNS makes on an alarm's behalf; the
        // topic policy limits which alarms may publish.
        KeyStatement("CloudWatchAlarmsNotifyEncryptedTopic", PolicyPrincipal.Service("cloudwatch.amazonaws.com"),
            ["kms:Decrypt", "kms:GenerateDataKey"]));

    private static PolicyStatement KeyStatement(string sid, PolicyPrincipal principal, string[] actions, params PolicyCondition[] conditions) => new()
    {
        Sid = sid,
        Principal = principal,
        Actions = actions,
        Resources = ["*"],
        Conditions = conditions,
        Wildcard = MandatedWildcards.KeyPolicySelf,
    };
}
