using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>Lifecycle rules of a bucket.</summary>
public sealed record S3BucketLifecycleConfiguration : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketLifecycleConfiguration");

    public S3BucketLifecycleConfiguration(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required IReadOnlyList<LifecycleRule> Rules { get; init; }

    public override IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("bucket", Bucket),
        new("rules", Rules),
    ];
}
