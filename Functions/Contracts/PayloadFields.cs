using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Functions;

/// <summary>
/// The JSON names of a payload type's fields, read from the type the functions serialize, so the workflow that passes
/// the payloads names each field through its C# member instead of repeating the JSON name.
/// </summary>
public static class PayloadFields
{
    /// <summary>The JSON name of <paramref name="member"/> (give it with <c>nameof</c>); fails when the type has no such field.</summary>
    public static string Name(JsonTypeInfo type, string member)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Options.PropertyNamingPolicy?.ConvertName(member) ?? member;
        return type.Properties.Any(property => property.Name == name)
            ? name
            : throw new ArgumentException($"{type.Type.Name} has no field {member} ({name}); it has {string.Join(", ", All(type))}", nameof(member));
    }

    /// <summary>Every field's JSON name, in declaration order.</summary>
    public static IReadOnlyList<string> All(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Properties.Select(property => property.Name).ToList();
    }
}
