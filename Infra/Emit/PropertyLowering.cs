using System.Collections;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>
/// Turns a typed resource (or nested block) into an <see cref="ObjectNode"/>: its properties in order, null
/// ones left out, values lowered to strings, numbers, booleans, lists, objects and Pulumi built-ins.
/// </summary>
public static class PropertyLowering
{
    public static ObjectNode Properties(IPulumiObject source)
    {
        var properties = source.Properties();
        var members = new List<KeyValuePair<string, Node>>(properties.Count);
        foreach (var (name, value) in properties)
        {
            if (Lower(value) is { } node)
            {
                members.Add(KeyValuePair.Create(name, node));
            }
        }

        return new ObjectNode(members);
    }

    private static Node? Lower(object? value) => value switch
    {
        null => null,
        Node node => node,
        string text => new StringNode(new Literal(text)),
        Input input => new StringNode(input),
        bool flag => new BoolNode(flag),
        int number => new NumberNode(number),
        long number => new NumberNode(number),
        FileArchive archive => new FunctionNode(FunctionNode.FileArchive, new StringNode(new Literal(archive.Path))),
        IJsonDocument document => new FunctionNode(FunctionNode.ToJson, document.ToNode()),
        IPulumiObject block => Properties(block),
        IReadOnlyDictionary<string, Input> map => new ObjectNode(
            map.Select(pair => KeyValuePair.Create<string, Node>(pair.Key, new StringNode(pair.Value))).ToList()),
        IEnumerable items => new ArrayNode(items.Cast<object?>().Select(Lower).OfType<Node>().ToList()),
        _ => throw new InvalidOperationException($"No program value for a {value.GetType().Name}."),
    };
}
