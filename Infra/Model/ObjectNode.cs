namespace Pipeline.Infra.Model;

public sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, Node>> Members) : Node
{
    public static readonly ObjectNode Empty = new([]);

    public Node? this[string key] => Members.FirstOrDefault(member => member.Key == key).Value;

    public bool Equals(ObjectNode? other) => other is not null && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Aggregate(0, (hash, member) => HashCode.Combine(hash, member.Key));
}
