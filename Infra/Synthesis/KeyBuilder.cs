using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Workflows.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The project key. The account administers it with named actions (a grant only for an AWS resource) and uses it only
/// through each service that stores the pipeline's data, with that service's documented minimum; each service principal
/// is bound to this stack's resources by a documented condition.
/// </summary>
public static class KeyBuilder
{
    /// <summary>
    /// The administrative actions of the AWS managed "key administrators" statement (KMS developer guide, "Default key
    /// policy"), named one by one: no wildcard, and no kms:CreateGrant, which has a statement of its own.
    /// </summary>
    public static readonly string[] AdministrativeActions =
    [
        "kms:CreateAlias", "kms:DescribeKey", "kms:EnableKey", "kms:EnableKeyRotation", "kms:ListAliases", "kms:ListGrants",
        "kms:ListKeyPolicies", "kms:ListKeyRotations", "kms:ListResourceTags", "kms:ListRetirableGrants", "kms:PutKeyPolicy",
        "kms:UpdateAlias", "kms:UpdateKeyDescription", "kms:RevokeGrant", "kms:DisableKey", "kms:DisableKeyRotation",
        "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:DeleteAlias", "kms:TagResource", "kms:UntagResource",
        "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand",
    ];

    public static IEnumerable<Resource> Build(SynthesisContext context)
    {
        var key = new KmsKey(LogicalNames.Key)
        {
            Description = $"Encrypts the {context.Naming.Prefix} pipeline's objects, records, messages, executions and logs.",
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

    private static PolicyDocument Policy(SynthesisContext context)
    {
        var account = PolicyPrincipal.Aws(AwsAccount.Root);
        var caller = PolicyCondition.StringEquals("kms:CallerAccount", AwsAccount.AccountId);
        PolicyCondition Via(string service) => PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService(service));
        var machineArns = Enum.GetValues<WorkflowVariant>().Select(kind => AwsAccount.StateMachineArn(context.Naming.MachineName(kind))).ToArray();
        var deadLetterQueue = AwsAccount.QueueArn(context.Naming.DeadLetterQueueName);
        var machineLogGroups = Enum.GetValues<WorkflowVariant>().Select(kind => AwsAccount.LogGroupArn(context.Naming.MachineLogGroup(kind))).ToArray();

        return new(
            KeyStatement("AccountAdministersKey", account, AdministrativeActions),

            // KMS developer guide, "kms:GrantIsForAWSResource": grants only for the AWS services that use the key.
            KeyStatement("AccountCreatesGrantsOnlyForAwsResources", account, ["kms:CreateGrant"], PolicyCondition.Bool("kms:GrantIsForAWSResource", true)),

            // S3 user guide, "Using server-side encryption with AWS KMS keys": GenerateDataKey to write, Decrypt to read.
            KeyStatement("AccountUsesKeyThroughS3", account, ["kms:Decrypt", "kms:GenerateDataKey"], caller, Via("s3")),

            // DynamoDB developer guide, "Using customer managed keys": its key policy, with DynamoDB's grants for AWS resources.
            KeyStatement("AccountUsesKeyThroughDynamoDb", account,
                ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"],
                caller, Via("dynamodb")) with { ActionWildcards = MandatedWildcards.DynamoDbKeyUse },

            // SQS developer guide, "Key management": producers need GenerateDataKey and Decrypt, consumers Decrypt.
            KeyStatement("AccountUsesKeyThroughSqs", account, ["kms:Decrypt", "kms:GenerateDataKey"], caller, Via("sqs")),

            // SNS developer guide, "Key management": publishers need kms:GenerateDataKey* and kms:Decrypt.
            KeyStatement("AccountUsesKeyThroughSns", account, ["kms:Decrypt", "kms:GenerateDataKey*"], caller, Via("sns"))
                with { ActionWildcards = MandatedWildcards.SnsKeyUse },

            // Step Functions developer guide, "Data at rest encryption": the execution role and whoever starts executions
            // use the key through Step Functions for these machines only (the encryption context names the machine).
            KeyStatement("AccountUsesKeyThroughStepFunctions", account, ["kms:Decrypt", "kms:GenerateDataKey"],
                caller, Via("states"), PolicyCondition.StringEquals("kms:EncryptionContext:aws:states:stateMachineArn", machineArns)),

            // The same guide, for the machines' encrypted execution logs: the execution role generates the data keys of the
            // logs it delivers (encryption context SourceArn: the machine's log group), and CloudWatch Logs' delivery
            // service decrypts them, for this account's log groups only.
            KeyStatement("AccountUsesKeyForExecutionLogs", account, ["kms:GenerateDataKey"],
                caller, PolicyCondition.StringEquals("kms:EncryptionContext:SourceArn", machineLogGroups)),
            KeyStatement("LogDeliveryDecryptsExecutionLogs", PolicyPrincipal.Service("delivery.logs.amazonaws.com"), ["kms:Decrypt"],
                PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
                PolicyCondition.ArnLike("aws:SourceArn", machineLogGroups.Select(arn => Input.Of($"{arn}*")).ToArray())),

            // CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using AWS KMS"; kms:Describe* is left out:
            // DescribeKey carries no encryption context, so under this condition it could never be allowed.
            KeyStatement("CloudWatchLogsEncryptsPipelineLogGroups", PolicyPrincipal.Service(Input.Of($"logs.{AwsAccount.Region}.amazonaws.com")),
                ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
                PolicyCondition.ArnLike("kms:EncryptionContext:aws:logs:arn", context.LogGroupNames.Select(AwsAccount.LogGroupArn).ToArray()))
                with { ActionWildcards = MandatedWildcards.CloudWatchLogsKeyUse },

            // EventBridge writes a dead letter through SQS; aws:SourceArn does not reach KMS on that path. The condition
            // AWS documents for a call through SQS is kms:ViaService, and SQS's encryption context names the queue
            // (SQS developer guide, "Encryption context": aws:sqs:arn).
            KeyStatement("EventBridgeWritesDeadLetters", PolicyPrincipal.Service("events.amazonaws.com"),
                ["kms:Decrypt", "kms:GenerateDataKey"],
                Via("sqs"), PolicyCondition.StringEquals("kms:EncryptionContext:aws:sqs:arn", deadLetterQueue)),

            // SNS developer guide, "Enable compatibility between event sources from AWS services and encrypted topics":
            // only this account's alarms of this stack may have CloudWatch use the key.
            KeyStatement("CloudWatchAlarmsNotifyEncryptedTopic", PolicyPrincipal.Service("cloudwatch.amazonaws.com"),
                ["kms:Decrypt", "kms:GenerateDataKey*"],
                PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
                PolicyCondition.ArnLike("aws:SourceArn", AwsAccount.AlarmArn(context.Naming.AlarmNamePattern)))
                with { ActionWildcards = MandatedWildcards.SnsKeyUse },

            // The same page, for EventBridge: only the run-ended rule of this stack may have EventBridge use the key.
            KeyStatement("RunEndedRuleNotifiesEncryptedTopic", PolicyPrincipal.Service("events.amazonaws.com"),
                ["kms:Decrypt", "kms:GenerateDataKey*"],
                PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
                PolicyCondition.ArnEquals("aws:SourceArn", AwsAccount.RuleArn(context.RunEndedRuleName)))
                with { ActionWildcards = MandatedWildcards.SnsKeyUse });
    }

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
