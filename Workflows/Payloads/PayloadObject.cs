using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>A payload object; its fields render in the order given.</summary>
public sealed record PayloadObject(ImmutableArray<PayloadField> Fields) : PayloadValue
{
    /// <summary>The value of the field named <paramref name="name"/>, or null.</summary>
    public PayloadValue? this[string name] => Fields.FirstOrDefault(field => field.Name == name)?.Value;
}
