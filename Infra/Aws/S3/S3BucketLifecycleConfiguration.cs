using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Lifecycle rules of a bucket.</summary>
public sealed partial record S3BucketLifecycleConfiguration : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketLifecycleConfiguration");

    public S3BucketLifecycleConfiguration(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required IReadOnlyList<LifecycleRule> Rules { get; init; }
}

/// <summary><c>rules[]</c> of a lifecycle configuration.</summary>
public sealed partial record LifecycleRule : IPulumiObject
{
    public required string Id { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    public required string Status { get; init; }

    public required LifecycleRuleFilter Filter { get; init; }

    public LifecycleExpiration? Expiration { get; init; }

    public NoncurrentVersionExpiration? NoncurrentVersionExpiration { get; init; }

    public AbortIncompleteMultipartUpload? AbortIncompleteMultipartUpload { get; init; }
}

/// <summary><c>filter</c> of a lifecycle rule; no prefix means the whole bucket.</summary>
public sealed partial record LifecycleRuleFilter : IPulumiObject
{
    public string? Prefix { get; init; }
}

/// <summary>
/// <c>expiration</c> of a lifecycle rule: current versions expire after <see cref="Days"/>, or, with
/// <see cref="ExpiredObjectDeleteMarker"/>, delete markers left with no versions behind them are removed (S3 takes one or
/// the other in one rule).
/// </summary>
public sealed partial record LifecycleExpiration : IPulumiObject
{
    public int? Days { get; init; }

    public bool? ExpiredObjectDeleteMarker { get; init; }
}

/// <summary><c>abortIncompleteMultipartUpload</c> of a lifecycle rule.</summary>
public sealed partial record AbortIncompleteMultipartUpload : IPulumiObject
{
    public required int DaysAfterInitiation { get; init; }
}

/// <summary><c>noncurrentVersionExpiration</c> of a lifecycle rule.</summary>
public sealed partial record NoncurrentVersionExpiration : IPulumiObject
{
    public required int NoncurrentDays { get; init; }
}
