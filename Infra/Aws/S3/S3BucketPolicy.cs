using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>The resource policy of a bucket.</summary>
public sealed partial record S3BucketPolicy : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketPolicy");

    public S3BucketPolicy(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required PolicyDocument Policy { get; init; }
}
