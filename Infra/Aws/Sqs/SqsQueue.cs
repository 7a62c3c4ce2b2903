using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sqs;

/// <summary>An SQS queue.</summary>
public sealed partial record SqsQueue : Resource
{
    public static readonly ResourceType Token = new("sqs", "Queue");

    public SqsQueue(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>The queue's name; set so that a key policy can name the queue's ARN before the queue exists.</summary>
    public string? Name { get; init; }

    public Input? KmsMasterKeyId { get; init; }

    public int? KmsDataKeyReusePeriodSeconds { get; init; }

    public required int MessageRetentionSeconds { get; init; }
}
