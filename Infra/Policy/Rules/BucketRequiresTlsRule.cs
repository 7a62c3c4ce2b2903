using Pipeline.Infra.Aws.S3;

namespace Pipeline.Infra.Policy.Rules;

public sealed class BucketRequiresTlsRule : IPolicyRule
{
    public string Id => "S10";

    public string Sentence => "Every bucket policy denies requests to the bucket and its objects that do not use TLS.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var bucket in context.Stack.All<S3Bucket>())
        {
            var arn = context.Resolver.Arn(bucket);
            var policy = context.Attached<S3BucketPolicy>(bucket, policy => policy.Bucket).FirstOrDefault()?.Policy;
            if (!context.DeniesInsecureTransport(policy, "s3:GetObject", arn, arn + "/any-key")
                || !context.DeniesInsecureTransport(policy, "s3:PutObject", arn, arn + "/any-key"))
            {
                yield return new Finding(Id, bucket.LogicalName, "the bucket policy does not deny requests without TLS (aws:SecureTransport false)");
            }
        }
    }
}
