using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.CloudWatch;

/// <summary>What a rule starts or notifies, with the role it uses (none for a target with a resource policy) and where undeliverable events go.</summary>
public sealed partial record CloudWatchEventTarget : Resource
{
    public static readonly ResourceType Token = new("cloudwatch", "EventTarget");

    public CloudWatchEventTarget(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>The rule name.</summary>
    public required Input Rule { get; init; }

    public required Input Arn { get; init; }

    public Input? RoleArn { get; init; }

    public EventTargetInputTransformer? InputTransformer { get; init; }

    public required EventTargetDeadLetterConfig DeadLetterConfig { get; init; }

    public required EventTargetRetryPolicy RetryPolicy { get; init; }
}

/// <summary><c>deadLetterConfig</c> of a target.</summary>
public sealed partial record EventTargetDeadLetterConfig : IPulumiObject
{
    public required Input Arn { get; init; }
}

/// <summary><c>retryPolicy</c> of a target.</summary>
public sealed partial record EventTargetRetryPolicy : IPulumiObject
{
    public required int MaximumEventAgeInSeconds { get; init; }

    public required int MaximumRetryAttempts { get; init; }
}

/// <summary><c>inputTransformer</c> of a target: what the target receives instead of the event, built from its fields.</summary>
public sealed partial record EventTargetInputTransformer : IPulumiObject
{
    public required IReadOnlyDictionary<string, Input> InputPaths { get; init; }

    public required string InputTemplate { get; init; }
}
