using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>Statements several policies share.</summary>
public static class Statements
{
    public static PolicyStatement DenyInsecureTransport(string action, params Input[] resources) => new()
    {
        Sid = "DenyInsecureTransport",
        Effect = PolicyEffect.Deny,
        Principal = PolicyPrincipal.Anyone,
        Actions = [action],
        Resources = resources,
        Conditions = [PolicyCondition.Bool("aws:SecureTransport", false)],
    };

    /// <summary>A trust policy for one service principal, limited to this account and, where the service supports it, to the given source ARNs.</summary>
    public static PolicyDocument Trust(string servicePrincipal, params Input[] sourceArns)
    {
        var conditions = new List<PolicyCondition> { PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId) };
        if (sourceArns.Length > 0)
        {
            conditions.Add(PolicyCondition.ArnEquals("aws:SourceArn", sourceArns));
        }

        return new PolicyDocument(new PolicyStatement
        {
            Sid = "TrustedService",
            Principal = PolicyPrincipal.Service(servicePrincipal),
            Actions = ["sts:AssumeRole"],
            Resources = [],
            Conditions = conditions,
        });
    }
}
