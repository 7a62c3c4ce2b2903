namespace Pipeline.Infra.Iam;

/// <summary>The one allow-list of wildcards: every <c>Resource: "*"</c> in the program is one of these.</summary>
public static class MandatedWildcards
{
    public static MandatedWildcard LogDelivery { get; } = new(
        "CloudWatchLogsDelivery",
        [
            "logs:CreateLogDelivery",
            "logs:GetLogDelivery",
            "logs:UpdateLogDelivery",
            "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries",
            "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups",
        ],
        "Step Functions delivers execution logs through CloudWatch Logs vended log delivery; these actions do not "
        + "support resource-level permissions, so AWS documents them on \"*\" for the state machine role.");

    public static MandatedWildcard XRayTracing { get; } = new(
        "XRayTracing",
        ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
        "X-Ray trace and sampling actions do not support resource-level permissions; active tracing on Lambda "
        + "and Step Functions needs them on \"*\".");

    public static MandatedWildcard KeyPolicySelf { get; } = new(
        "KeyPolicySelf",
        [],
        "In a KMS key policy the only valid Resource is \"*\", which means the key the policy is attached to; "
        + "the statements are scoped by principal and conditions instead.");

    public static IReadOnlyList<MandatedWildcard> All { get; } = [LogDelivery, XRayTracing, KeyPolicySelf];

    // Wildcard actions, each only where AWS's own documented policy for the service uses it.
    public static MandatedWildcard DynamoDbKeyUse { get; } = new(
        "DynamoDbKeyUse",
        ["kms:ReEncrypt*", "kms:GenerateDataKey*"],
        "The DynamoDB developer guide's key policy for a customer managed key (\"Using customer managed keys\") allows "
        + "kms:ReEncrypt* and kms:GenerateDataKey* through DynamoDB for the account's principals.");

    public static MandatedWildcard CloudWatchLogsKeyUse { get; } = new(
        "CloudWatchLogsKeyUse",
        ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
        "The CloudWatch Logs user guide's key policy (\"Encrypt log data in CloudWatch Logs using AWS KMS\") allows these "
        + "to logs.<region>.amazonaws.com under the kms:EncryptionContext:aws:logs:arn condition.");

    public static MandatedWildcard SnsKeyUse { get; } = new(
        "SnsKeyUse",
        ["kms:GenerateDataKey*"],
        "The SNS developer guide (\"Enable compatibility between event sources from AWS services and encrypted topics\") "
        + "grants kms:GenerateDataKey* and kms:Decrypt to the publishing service.");

    public static IReadOnlyList<MandatedWildcard> ActionWildcards { get; } = [DynamoDbKeyUse, CloudWatchLogsKeyUse, SnsKeyUse];
}
