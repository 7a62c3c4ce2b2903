using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>rules[]</c> of a bucket encryption configuration.</summary>
public sealed record ServerSideEncryptionRule : IPulumiObject
{
    public required ServerSideEncryptionByDefault ApplyServerSideEncryptionByDefault { get; init; }

    /// <summary>S3 Bucket Keys cut KMS requests; only meaningful with <c>aws:kms</c>.</summary>
    public bool? BucketKeyEnabled { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("applyServerSideEncryptionByDefault", ApplyServerSideEncryptionByDefault),
        new("bucketKeyEnabled", BucketKeyEnabled),
    ];
}
