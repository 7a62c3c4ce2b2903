namespace Pipeline.Infra.Model;

/// <summary>
/// A value of the emitted program (JSON-like, plus Pulumi built-in functions). Resources are lowered
/// to nodes once, and every writer (Pulumi JSON/YAML, the TypeScript twin, the diff) reads nodes.
/// </summary>
public abstract record Node;

public sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, Node>> Members) : Node
{
    public static readonly ObjectNode Empty = new([]);

    public Node? this[string key] => Members.FirstOrDefault(member => member.Key == key).Value;

    public bool Equals(ObjectNode? other) => other is not null && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Aggregate(0, (hash, member) => HashCode.Combine(hash, member.Key));
}

public sealed record ArrayNode(IReadOnlyList<Node> Items) : Node
{
    public bool Equals(ArrayNode? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

public sealed record StringNode(Input Text) : Node;

public sealed record NumberNode(long Value) : Node;

public sealed record BoolNode(bool Value) : Node;

/// <summary>A Pulumi YAML built-in call such as <c>fn::toJSON</c> or <c>fn::fileArchive</c>.</summary>
public sealed record FunctionNode(string Function, Node Argument) : Node
{
    public const string ToJson = "fn::toJSON";
    public const string FileArchive = "fn::fileArchive";
    public const string Invoke = "fn::invoke";
}
