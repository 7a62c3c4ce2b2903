using Pipeline.Infra.Aws.S3;

namespace Pipeline.Infra.Policy.Rules;

public sealed class BucketEncryptedWithProjectKeyRule : IPolicyRule
{
    public string Id => "S3-KMS";

    public string Sentence => "Every bucket encrypts new objects with SSE-KMS under the project key.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from bucket in context.Stack.All<S3Bucket>()
        let rules = context.Attached<S3BucketServerSideEncryptionConfiguration>(bucket, encryption => encryption.Bucket).SelectMany(encryption => encryption.Rules)
        where !rules.Any(rule => rule.ApplyServerSideEncryptionByDefault.SseAlgorithm == "aws:kms" && context.IsProjectKey(rule.ApplyServerSideEncryptionByDefault.KmsMasterKeyId))
        select new Finding(Id, bucket.LogicalName, "objects are not encrypted with SSE-KMS under the project key");
}
