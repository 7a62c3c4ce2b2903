using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>An S3 bucket (pulumi-aws 7 <c>aws:s3:Bucket</c>; its settings are separate resources).</summary>
public sealed partial record S3Bucket : Resource
{
    public static readonly ResourceType Token = new("s3", "Bucket");

    public S3Bucket(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>Lower-case prefix; S3 appends a unique suffix.</summary>
    public required string BucketPrefix { get; init; }

    /// <summary>Lets a delete empty the bucket first.</summary>
    public required bool ForceDestroy { get; init; }
}
