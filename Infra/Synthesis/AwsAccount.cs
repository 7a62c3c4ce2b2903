using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The account and region the stack deploys to (program variables from provider functions), and ARNs
/// built from resource names. Building an ARN from a name, rather than referencing the resource, is what
/// lets a policy name a resource that itself depends on the policy's owner (no dependency cycle).
/// </summary>
public static class AwsAccount
{
    public const string Partition = "aws";

    public static InvokeVariable AccountIdVariable { get; } = new(LogicalNames.AccountId, "aws:getCallerIdentity", "accountId");

    public static InvokeVariable RegionVariable { get; } = new(LogicalNames.Region, "aws:getRegion", "region");

    public static Reference AccountId => AccountIdVariable.Reference;

    public static Reference Region => RegionVariable.Reference;

    public static Input Root => Input.Of($"arn:{Partition}:iam::{AccountId}:root");

    public static Input LogGroupArn(string name) => Input.Of($"arn:{Partition}:logs:{Region}:{AccountId}:log-group:{name}");

    public static Input RuleArn(string name) => Input.Of($"arn:{Partition}:events:{Region}:{AccountId}:rule/{name}");

    public static Input AlarmArn(string name) => Input.Of($"arn:{Partition}:cloudwatch:{Region}:{AccountId}:alarm:{name}");

    public static Input QueueArn(string name) => Input.Of($"arn:{Partition}:sqs:{Region}:{AccountId}:{name}");

    public static Input StateMachineArn(string name) => Input.Of($"arn:{Partition}:states:{Region}:{AccountId}:stateMachine:{name}");

    /// <summary>Executions by name, e.g. <c>machine/label:*</c> for the children of a distributed Map.</summary>
    public static Input ExecutionArn(string name) => Input.Of($"arn:{Partition}:states:{Region}:{AccountId}:execution:{name}");

    /// <summary>A service endpoint for <c>kms:ViaService</c>, e.g. <c>s3.eu-west-1.amazonaws.com</c>.</summary>
    public static Input ViaService(string service) => Input.Of($"{service}.{Region}.amazonaws.com");
}
