using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sns;

/// <summary>A subscription to a topic.</summary>
public sealed partial record SnsTopicSubscription : Resource
{
    public static readonly ResourceType Token = new("sns", "TopicSubscription");

    public SnsTopicSubscription(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Topic { get; init; }

    public required string Protocol { get; init; }

    public required Input Endpoint { get; init; }
}
