namespace Pipeline.Infra.Model;

public sealed record Literal(string Value) : Input
{
    public override IEnumerable<Reference> References() => [];

    public override string ToString() => Value;
}
