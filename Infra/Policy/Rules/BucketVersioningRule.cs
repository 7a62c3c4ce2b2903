using Pipeline.Infra.Aws.S3;

namespace Pipeline.Infra.Policy.Rules;

public sealed class BucketVersioningRule : IPolicyRule
{
    public string Id => "S3-VERSIONING";

    public string Sentence => "Every bucket keeps object versions.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from bucket in context.Stack.All<S3Bucket>()
        where !context.Attached<S3BucketVersioning>(bucket, versioning => versioning.Bucket).Any(versioning => versioning.VersioningConfiguration.Status == "Enabled")
        select new Finding(Id, bucket.LogicalName, "versioning is not enabled");
}
