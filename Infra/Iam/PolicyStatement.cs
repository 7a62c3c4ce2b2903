using Pipeline.Infra.Model;

namespace Pipeline.Infra.Iam;

/// <summary>
/// One IAM statement. <see cref="Resources"/> hold exact ARNs (usually interpolations of resource
/// outputs); <c>"*"</c> appears only in statements built from a <see cref="MandatedWildcard"/>.
/// </summary>
public sealed record PolicyStatement
{
    public required string Sid { get; init; }

    public PolicyEffect Effect { get; init; } = PolicyEffect.Allow;

    public PolicyPrincipal? Principal { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Empty only in trust policies, which name no resource.</summary>
    public required IReadOnlyList<Input> Resources { get; init; }

    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>Set when the statement is a wildcard AWS mandates; says which one.</summary>
    public MandatedWildcard? Wildcard { get; init; }

    /// <summary>Set when the statement's wildcard actions are those of a service's documented policy; says which one.</summary>
    public MandatedWildcard? ActionWildcards { get; init; }

    public static PolicyStatement ForWildcard(MandatedWildcard wildcard) => new()
    {
        Sid = wildcard.Id,
        Actions = wildcard.Actions,
        Resources = ["*"],
        Wildcard = wildcard,
    };

    public bool Equals(PolicyStatement? other) =>
        other is not null
        && Sid == other.Sid
        && Effect == other.Effect
        && Equals(Principal, other.Principal)
        && Actions.SequenceEqual(other.Actions)
        && Resources.SequenceEqual(other.Resources)
        && Conditions.SequenceEqual(other.Conditions)
        && Equals(Wildcard, other.Wildcard)
        && Equals(ActionWildcards, other.ActionWildcards);

    public override int GetHashCode() => HashCode.Combine(Sid, Effect, Actions.Count, Resources.Count);

    public Node ToNode() => Nodes.Object(
        ("Sid", Nodes.String(Sid)),
        ("Effect", Nodes.String(Effect.ToString())),
        ("Principal", Principal?.ToNode()),
        ("Action", Nodes.Strings(Actions.Select(action => (Input)action))),
        ("Resource", Resources.Count == 0 ? null : Nodes.Strings(Resources)),
        ("Condition", Conditions.Count == 0 ? null : ConditionNode()));

    private ObjectNode ConditionNode() => new(
        Conditions
            .GroupBy(condition => condition.Operator)
            .Select(group => KeyValuePair.Create<string, Node>(
                group.Key,
                new ObjectNode(group
                    .Select(condition => KeyValuePair.Create<string, Node>(condition.Key, Nodes.Strings(condition.Values)))
                    .ToList())))
            .ToList());
}
