namespace Pipeline.Infra.Policy.Access;

/// <summary>A principal as a resource policy names it: <c>Service</c>, <c>AWS</c> (an ARN) or <c>*</c>.</summary>
public sealed record ResolvedPrincipal(string Type, string Value)
{
    public static ResolvedPrincipal Service(string service) => new(Iam.PolicyPrincipal.ServiceType, service);

    public static ResolvedPrincipal Aws(string arn) => new(Iam.PolicyPrincipal.AwsType, arn);

    public override string ToString() => Type == Iam.PolicyPrincipal.ServiceType ? Value : Value.Split(':')[^1];
}
