using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>Default encryption of a bucket.</summary>
public sealed record S3BucketServerSideEncryptionConfiguration : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketServerSideEncryptionConfiguration");

    public S3BucketServerSideEncryptionConfiguration(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required IReadOnlyList<ServerSideEncryptionRule> Rules { get; init; }

    public override IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("bucket", Bucket),
        new("rules", Rules),
    ];
}
