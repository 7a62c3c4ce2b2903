using Pipeline.Infra.Policy.Rules;

namespace Pipeline.Infra.Policy;

/// <summary>The rule set every stack is checked against.</summary>
public static class PolicyRules
{
    public static IReadOnlyList<IPolicyRule> All { get; } =
    [
        new NoAwsManagedPoliciesRule(),
        new NoWildcardPermissionsRule(),
        new PassRoleRule(),
        new TrustPolicyRule(),
        new BucketAccessLoggingRule(),
        new BucketPublicAccessBlockedRule(),
        new BucketRequiresTlsRule(),
        new BucketEncryptedWithProjectKeyRule(),
        new BucketVersioningRule(),
        new TablePointInTimeRecoveryRule(),
        new TableEncryptedWithProjectKeyRule(),
        new TableDeletionProtectionRule(),
        new StateMachineLoggingRule(),
        new StateMachineTracingRule(),
        new QueueIsOrHasDeadLetterQueueRule(),
        new QueueRequiresTlsRule(),
        new QueueEncryptedWithProjectKeyRule(),
        new TopicEncryptedWithProjectKeyRule(),
        new TopicRequiresTlsRule(),
        new KeyRotationRule(),
        new LatestRuntimeRule(),
        new FunctionPackageRule(),
        new FunctionTracingRule(),
        new FunctionLimitsRule(),
        new FunctionLogGroupRule(),
        new LogGroupRetentionAndKeyRule(),
        new DeliveryReachabilityRule(),
        new ServicePrincipalBindingRule(),
        new KnownIamNamesRule(),
    ];
}
