namespace Pipeline.Infra.Policy.Access;

/// <summary>One action on one resource (ARN or pattern) that a role needs, and why.</summary>
public sealed record AccessNeed(string Action, string Resource, string Reason)
{
    /// <summary>Needs compare by what they grant, not by why.</summary>
    public (string Action, string Resource) Grant => (Action, Resource);
}
