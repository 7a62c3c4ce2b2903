namespace Pipeline.Infra.Policy.Access;

/// <summary>The simulator's answer and the statements (or their absence) that decided it.</summary>
public sealed record AccessDecision(bool Allowed, string Explanation)
{
    public override string ToString() => (Allowed ? "allowed: " : "denied: ") + Explanation;
}
