using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.CloudWatch;

/// <summary>A log group.</summary>
public sealed partial record CloudWatchLogGroup : Resource
{
    public static readonly ResourceType Token = new("cloudwatch", "LogGroup");

    public CloudWatchLogGroup(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    public required int RetentionInDays { get; init; }

    /// <summary>The key ARN.</summary>
    public required Input KmsKeyId { get; init; }
}
