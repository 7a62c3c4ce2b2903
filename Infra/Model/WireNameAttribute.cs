namespace Pipeline.Infra.Model;

/// <summary>
/// The Pulumi name of a resource or block input where it is not the camelCase of the C# property's name. On a
/// property with no init accessor (a computed value) it also makes the property an input. Read at build time by
/// Infra.Generators, never at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
