using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sns;

/// <summary>The resource policy of a topic.</summary>
public sealed partial record SnsTopicPolicy : Resource
{
    public static readonly ResourceType Token = new("sns", "TopicPolicy");

    public SnsTopicPolicy(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>The topic ARN.</summary>
    public required Input Arn { get; init; }

    public required PolicyDocument Policy { get; init; }
}
