using System.Collections;
using System.Reflection;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>
/// Turns a typed resource (or nested block) into an <see cref="ObjectNode"/>: every init property,
/// named in camelCase, in declaration order; null properties are left out. This is the one place
/// where C# names become pulumi-aws property names.
/// </summary>
public static class PropertyLowering
{
    public static ObjectNode Properties(Resource resource) =>
        LowerObject(resource, resource.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static ObjectNode LowerObject(object value, PropertyInfo[] properties)
    {
        var members = new List<KeyValuePair<string, Node>>(properties.Length);
        foreach (var property in properties.OrderBy(property => property.MetadataToken))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var node = Lower(property.GetValue(value));
            if (node is not null)
            {
                members.Add(KeyValuePair.Create(CamelCase(property.Name), node));
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
        IReadOnlyDictionary<string, Input> map => new ObjectNode(
            map.Select(pair => KeyValuePair.Create<string, Node>(pair.Key, new StringNode(pair.Value))).ToList()),
        IEnumerable items => new ArrayNode(items.Cast<object?>().Select(Lower).OfType<Node>().ToList()),
        _ => LowerObject(value, value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)),
    };
}
