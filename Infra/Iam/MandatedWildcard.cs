namespace Pipeline.Infra.Iam;

/// <summary>A <c>Resource: "*"</c> that AWS requires, with the actions it covers and why.</summary>
public sealed record MandatedWildcard(string Id, IReadOnlyList<string> Actions, string Reason)
{
    public bool Equals(MandatedWildcard? other) => other is not null && Id == other.Id;

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
}
