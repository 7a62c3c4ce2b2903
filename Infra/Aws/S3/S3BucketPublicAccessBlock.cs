using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Blocks every form of public access to a bucket.</summary>
public sealed partial record S3BucketPublicAccessBlock : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketPublicAccessBlock");

    public S3BucketPublicAccessBlock(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required bool BlockPublicAcls { get; init; }

    public required bool BlockPublicPolicy { get; init; }

    public required bool IgnorePublicAcls { get; init; }

    public required bool RestrictPublicBuckets { get; init; }
}
