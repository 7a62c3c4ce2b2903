using Pipeline.Functions.Storage;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The ingest bucket (SSE-KMS with a bucket key, versioned, private, TLS only, access-logged, staging/
/// objects expiring, events to EventBridge) and the bucket receiving its access logs. Server access
/// logs cannot be delivered to an SSE-KMS bucket, so the log bucket uses SSE-S3.
/// </summary>
public static class BucketBuilder
{
    public const string AccessLogPrefix = "ingest/";
    public const int NoncurrentVersionDays = 30;
    public const int IncompleteUploadDays = 1;

    /// <summary>How long an expired staging object's noncurrent version is kept.</summary>
    public const int StagingNoncurrentDays = 1;

    public static IEnumerable<Resource> Build(SynthesisContext context, KmsKey key)
    {
        var logBucket = Bucket(context, LogicalNames.LogBucket, "access-logs");
        var ingest = Bucket(context, LogicalNames.IngestBucket, "ingest");

        yield return logBucket;
        yield return Encryption(logBucket, new ServerSideEncryptionByDefault { SseAlgorithm = "AES256" }, bucketKey: null);
        yield return PublicAccessBlock(logBucket);
        yield return Versioning(logBucket);
        var logBucketPolicy = new S3BucketPolicy(logBucket.LogicalName + "Policy")
        {
            Bucket = logBucket.IdOutput,
            Policy = new PolicyDocument(
                Statements.DenyInsecureTransport("s3:*", logBucket.ArnOutput, Input.Of($"{logBucket.ArnOutput}/*")),
                new PolicyStatement
                {
                    Sid = "S3DeliversIngestBucketAccessLogs",
                    Principal = PolicyPrincipal.Service("logging.s3.amazonaws.com"),
                    Actions = ["s3:PutObject"],
                    Resources = [Input.Of($"{logBucket.ArnOutput}/{AccessLogPrefix}*")],
                    Conditions =
                    [
                        PolicyCondition.ArnLike("aws:SourceArn", ingest.ArnOutput),
                        PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
                    ],
                }),
        };
        yield return logBucketPolicy;
        yield return new S3BucketLifecycleConfiguration(logBucket.LogicalName + "Lifecycle")
        {
            Bucket = logBucket.IdOutput,
            Rules =
            [
                new LifecycleRule
                {
                    Id = "expire-access-logs",
                    Status = "Enabled",
                    Filter = new LifecycleRuleFilter(),
                    Expiration = new LifecycleExpiration { Days = context.Settings.LogRetentionDays },
                    NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = IncompleteUploadDays },
                    AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = IncompleteUploadDays },
                },
            ],
        };

        yield return ingest;
        yield return Encryption(
            ingest,
            new ServerSideEncryptionByDefault { SseAlgorithm = "aws:kms", KmsMasterKeyId = key.ArnOutput },
            bucketKey: true);
        yield return PublicAccessBlock(ingest);
        yield return Versioning(ingest);
        yield return new S3BucketPolicy(ingest.LogicalName + "Policy")
        {
            Bucket = ingest.IdOutput,
            Policy = new PolicyDocument(
                Statements.DenyInsecureTransport("s3:*", ingest.ArnOutput, Input.Of($"{ingest.ArnOutput}/*"))),
        };
        yield return new S3BucketLogging(ingest.LogicalName + "Logging")
        {
            Bucket = ingest.IdOutput,
            TargetBucket = logBucket.IdOutput,
            TargetPrefix = AccessLogPrefix,
            Options = new ResourceOptions { DependsOn = [logBucketPolicy.LogicalName] },
        };
        yield return new S3BucketLifecycleConfiguration(ingest.LogicalName + "Lifecycle")
        {
            Bucket = ingest.IdOutput,
            Rules =
            [
                // Staging objects are a run's scratch: once expired, their noncurrent versions and the delete markers
                // that remain go too, instead of waiting the bucket-wide 30 days.
                new LifecycleRule
                {
                    Id = "expire-staging-objects",
                    Status = "Enabled",
                    Filter = new LifecycleRuleFilter { Prefix = StorageLayout.StagingRoot },
                    Expiration = new LifecycleExpiration { Days = context.Settings.WorkExpirationDays },
                    NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = StagingNoncurrentDays },
                },
                new LifecycleRule
                {
                    Id = "remove-staging-delete-markers",
                    Status = "Enabled",
                    Filter = new LifecycleRuleFilter { Prefix = StorageLayout.StagingRoot },
                    Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true },
                },
                new LifecycleRule
                {
                    Id = "expire-noncurrent-versions",
                    Status = "Enabled",
                    Filter = new LifecycleRuleFilter(),
                    NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = NoncurrentVersionDays },
                    AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = IncompleteUploadDays },
                },
            ],
        };
        yield return new S3BucketNotification(ingest.LogicalName + "Notification")
        {
            Bucket = ingest.IdOutput,
            Eventbridge = true,
        };
    }

    private static S3Bucket Bucket(SynthesisContext context, string logicalName, string purpose) => new(logicalName)
    {
        BucketPrefix = context.Naming.BucketPrefix(purpose),
        ForceDestroy = context.Settings.ForceDestroyBuckets,
        Options = context.Stateful,
    };

    private static S3BucketServerSideEncryptionConfiguration Encryption(S3Bucket bucket, ServerSideEncryptionByDefault byDefault, bool? bucketKey) =>
        new(bucket.LogicalName + "Encryption")
        {
            Bucket = bucket.IdOutput,
            Rules = [new ServerSideEncryptionRule { ApplyServerSideEncryptionByDefault = byDefault, BucketKeyEnabled = bucketKey }],
        };

    private static S3BucketPublicAccessBlock PublicAccessBlock(S3Bucket bucket) => new(bucket.LogicalName + "PublicAccessBlock")
    {
        Bucket = bucket.IdOutput,
        BlockPublicAcls = true,
        BlockPublicPolicy = true,
        IgnorePublicAcls = true,
        RestrictPublicBuckets = true,
    };

    private static S3BucketVersioning Versioning(S3Bucket bucket) => new(bucket.LogicalName + "Versioning")
    {
        Bucket = bucket.IdOutput,
        VersioningConfiguration = new VersioningConfiguration { Status = "Enabled" },
    };
}
