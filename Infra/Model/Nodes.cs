namespace Pipeline.Infra.Model;

/// <summary>Short constructors for building node trees by hand (policies, event patterns).</summary>
public static class Nodes
{
    public static ObjectNode Object(params (string Key, Node? Value)[] members) =>
        new(members.Where(member => member.Value is not null)
            .Select(member => KeyValuePair.Create(member.Key, member.Value!))
            .ToList());

    public static ArrayNode Array(IEnumerable<Node> items) => new(items.ToList());

    public static ArrayNode Array(params Node[] items) => new(items);

    public static StringNode String(Input text) => new(text);

    public static ArrayNode Strings(IEnumerable<Input> items) => new(items.Select(item => (Node)new StringNode(item)).ToList());

    public static NumberNode Number(long value) => new(value);
}
