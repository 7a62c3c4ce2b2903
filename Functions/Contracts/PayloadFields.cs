using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Functions.Contracts;

/// <summary>
/// The JSON names of a payload type's fields, read from the type the functions serialize, so the workflow that passes
/// the payloads names each field through its C# member instead of repeating the JSON name.
/// </summary>
public static class PayloadFields
{
    /// <summary>
    /// The JSON name of <paramref name="member"/> (give it with <c>nameof</c>), including one a <c>[JsonPropertyName]</c>
    /// gives it; fails when the type has no such field.
    /// </summary>
    public static string Name(JsonTypeInfo type, string member)
    {
        ArgumentNullException.ThrowIfNull(type);
        var property = type.Properties.FirstOrDefault(property => MemberName(property) == member);
        return property?.Name
            ?? throw new ArgumentException($"{type.Type.Name} has no field {member}; it has {string.Join(", ", All(type))}", nameof(member));
    }

    /// <summary>Every field's JSON name, in declaration order.</summary>
    public static IReadOnlyList<string> All(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Properties.Select(property => property.Name).ToList();
    }

    private static string? MemberName(JsonPropertyInfo property) => (property.AttributeProvider as MemberInfo)?.Name;
}
