using Pipeline.Infra.Policy.Access;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>The permissions split between IAM and resource or key policies that make a first deploy (or first run) fail.</summary>
public sealed class DeliveryReachabilityRule : IPolicyRule
{
    public string Id => "REACH";

    public string Sentence =>
        "Every call the pipeline makes is allowed end to end: trust, IAM, resource policies and, for encrypted resources, the key policy.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) => AccessPaths.Failures(context, Id);
}
