using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>encryptionConfiguration</c> of a state machine: the key its definition and execution data are encrypted with.</summary>
public sealed record StateMachineEncryptionConfiguration : IPulumiObject
{
    /// <summary><c>CUSTOMER_MANAGED_KMS_KEY</c> or <c>AWS_OWNED_KEY</c>.</summary>
    public required string Type { get; init; }

    public Input? KmsKeyId { get; init; }

    /// <summary>How long Step Functions reuses a data key before it calls GenerateDataKey again (60..900).</summary>
    public int? KmsDataKeyReusePeriodSeconds { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("type", Type),
        new("kmsKeyId", KmsKeyId),
        new("kmsDataKeyReusePeriodSeconds", KmsDataKeyReusePeriodSeconds),
    ];
}
