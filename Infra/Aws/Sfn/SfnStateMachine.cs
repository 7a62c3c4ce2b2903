using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sfn;

/// <summary>A Step Functions state machine.</summary>
public sealed partial record SfnStateMachine : Resource
{
    public static readonly ResourceType Token = new("sfn", "StateMachine");

    public SfnStateMachine(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    /// <summary><c>STANDARD</c> or <c>EXPRESS</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The ASL, with resource ARNs as interpolations.</summary>
    public required Input Definition { get; init; }

    public required Input RoleArn { get; init; }

    public required StateMachineLoggingConfiguration LoggingConfiguration { get; init; }

    public required StateMachineTracingConfiguration TracingConfiguration { get; init; }

    public StateMachineEncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary><c>encryptionConfiguration</c> of a state machine: the key its definition and execution data are encrypted with.</summary>
public sealed partial record StateMachineEncryptionConfiguration : IPulumiObject
{
    /// <summary><c>CUSTOMER_MANAGED_KMS_KEY</c> or <c>AWS_OWNED_KEY</c>.</summary>
    public required string Type { get; init; }

    public Input? KmsKeyId { get; init; }

    /// <summary>How long Step Functions reuses a data key before it calls GenerateDataKey again (60..900).</summary>
    public int? KmsDataKeyReusePeriodSeconds { get; init; }
}

/// <summary><c>loggingConfiguration</c> of a state machine.</summary>
public sealed partial record StateMachineLoggingConfiguration : IPulumiObject
{
    /// <summary><c>&lt;log group arn&gt;:*</c>.</summary>
    public required Input LogDestination { get; init; }

    public required string Level { get; init; }

    public required bool IncludeExecutionData { get; init; }
}

/// <summary><c>tracingConfiguration</c> of a state machine.</summary>
public sealed partial record StateMachineTracingConfiguration : IPulumiObject
{
    public required bool Enabled { get; init; }
}
