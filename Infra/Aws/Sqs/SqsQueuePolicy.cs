using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sqs;

/// <summary>The resource policy of a queue.</summary>
public sealed partial record SqsQueuePolicy : Resource
{
    public static readonly ResourceType Token = new("sqs", "QueuePolicy");

    public SqsQueuePolicy(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input QueueUrl { get; init; }

    public required PolicyDocument Policy { get; init; }
}
