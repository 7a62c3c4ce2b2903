using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.S3;

/// <summary>Versioning of a bucket.</summary>
public sealed partial record S3BucketVersioning : Resource
{
    public static readonly ResourceType Token = new("s3", "BucketVersioning");

    public S3BucketVersioning(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required Input Bucket { get; init; }

    public required VersioningConfiguration VersioningConfiguration { get; init; }
}

/// <summary><c>versioningConfiguration</c>.</summary>
public sealed partial record VersioningConfiguration : IPulumiObject
{
    /// <summary><c>Enabled</c> or <c>Suspended</c>.</summary>
    public required string Status { get; init; }
}
