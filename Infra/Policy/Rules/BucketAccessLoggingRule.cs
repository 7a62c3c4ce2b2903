using Pipeline.Infra.Aws.S3;

namespace Pipeline.Infra.Policy.Rules;

public sealed class BucketAccessLoggingRule : IPolicyRule
{
    public string Id => "S1";

    public string Sentence => "Every bucket delivers server access logs to another bucket.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from bucket in context.Stack.All<S3Bucket>()
        where !context.Attached<S3BucketLogging>(bucket, logging => logging.Bucket).Any(logging => !(logging.TargetBucket is Model.Reference target && target.Target == bucket.LogicalName))
        select new Finding(Id, bucket.LogicalName, "server access logging is not enabled");
}
