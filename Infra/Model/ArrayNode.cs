namespace Pipeline.Infra.Model;

public sealed record ArrayNode(IReadOnlyList<Node> Items) : Node
{
    public bool Equals(ArrayNode? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}
