using Pipeline.Infra.Aws.S3;

namespace Pipeline.Infra.Policy.Rules;

public sealed class BucketPublicAccessBlockedRule : IPolicyRule
{
    public string Id => "S2";

    public string Sentence => "Every bucket blocks public ACLs and policies, ignores public ACLs and restricts public buckets.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from bucket in context.Stack.All<S3Bucket>()
        let blocks = context.Attached<S3BucketPublicAccessBlock>(bucket, block => block.Bucket).ToList()
        where !blocks.Any(block => block.BlockPublicAcls && block.BlockPublicPolicy && block.IgnorePublicAcls && block.RestrictPublicBuckets)
        select new Finding(Id, bucket.LogicalName, "public access is not fully blocked");
}
