using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Bucket notifications; here only the switch that sends every event to EventBridge.</summary>
public sealed partial record S3BucketNotification : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketNotification");

    public S3BucketNotification(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required bool Eventbridge { get; init; }
}
