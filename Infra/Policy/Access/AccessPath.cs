namespace Pipeline.Infra.Policy.Access;

/// <summary>
/// One call the deployed pipeline makes: who (<see cref="Principal"/>, a role's logical name or a service
/// principal), which action on which ARN, with the request context AWS supplies, for which resource of the stack.
/// </summary>
public sealed record AccessPath(
    AccessPathKind Kind,
    string Principal,
    string Action,
    string ResourceArn,
    string Resource,
    IReadOnlyDictionary<string, string> Context)
{
    public AccessDecision Evaluate(AccessSimulator simulator) => Kind switch
    {
        AccessPathKind.Role => simulator.RoleCan(Principal, Action, ResourceArn, Context),
        AccessPathKind.Service => simulator.ServiceCan(Principal, Action, ResourceArn, Context),
        _ => simulator.ServiceCanAssume(Principal, Resource, Context),
    };

    public override string ToString() => $"{Principal} {Action} {ResourceArn}";
}
