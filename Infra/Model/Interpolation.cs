namespace Pipeline.Infra.Model;

/// <summary>Literal text and references joined into one string.</summary>
public sealed record Interpolation(IReadOnlyList<Input> Parts) : Input
{
    public override IEnumerable<Reference> References() => Parts.SelectMany(part => part.References());

    public override string ToString() => string.Concat(Parts.Select(part => part.ToString()));

    public bool Equals(Interpolation? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Aggregate(0, HashCode.Combine);
}
