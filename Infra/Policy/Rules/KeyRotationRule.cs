using Pipeline.Infra.Aws.Kms;

namespace Pipeline.Infra.Policy.Rules;

public sealed class KeyRotationRule : IPolicyRule
{
    public string Id => "KMS5";

    public string Sentence => "Every customer managed key rotates its key material.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from key in context.Stack.All<KmsKey>()
        where !key.EnableKeyRotation
        select new Finding(Id, key.LogicalName, "key rotation is off");
}
