using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Default encryption of a bucket.</summary>
public sealed partial record S3BucketServerSideEncryptionConfiguration : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketServerSideEncryptionConfiguration");

    public S3BucketServerSideEncryptionConfiguration(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required IReadOnlyList<ServerSideEncryptionRule> Rules { get; init; }
}

/// <summary><c>rules[]</c> of a bucket encryption configuration.</summary>
public sealed partial record ServerSideEncryptionRule : IPulumiObject
{
    public required ServerSideEncryptionByDefault ApplyServerSideEncryptionByDefault { get; init; }

    /// <summary>S3 Bucket Keys cut KMS requests; only meaningful with <c>aws:kms</c>.</summary>
    public bool? BucketKeyEnabled { get; init; }
}

/// <summary><c>applyServerSideEncryptionByDefault</c>.</summary>
public sealed partial record ServerSideEncryptionByDefault : IPulumiObject
{
    /// <summary><c>aws:kms</c> or <c>AES256</c>.</summary>
    public required string SseAlgorithm { get; init; }

    public Input? KmsMasterKeyId { get; init; }
}
