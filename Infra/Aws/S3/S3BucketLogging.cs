using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Server access logging of a bucket into another bucket.</summary>
public sealed partial record S3BucketLogging : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketLogging");

    public S3BucketLogging(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required Input TargetBucket { get; init; }

    public required string TargetPrefix { get; init; }
}
