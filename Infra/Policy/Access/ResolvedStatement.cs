using Pipeline.Infra.Iam;

namespace Pipeline.Infra.Policy.Access;

/// <summary>A policy statement with every input resolved to a concrete string, and the resource that holds it.</summary>
public sealed record ResolvedStatement(
    string Owner,
    string Sid,
    PolicyEffect Effect,
    IReadOnlyList<ResolvedPrincipal> Principals,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<ResolvedCondition> Conditions)
{
    public bool MatchesAction(string action) => Actions.Any(pattern => WildcardMatch.Action(pattern, action));

    public bool MatchesResource(string resource) => Resources.Any(pattern => WildcardMatch.Resource(pattern, resource));

    public bool MatchesPrincipal(ResolvedPrincipal principal) =>
        Principals.Any(candidate => candidate.Type == PolicyPrincipal.AnyoneType || candidate == principal);
}
