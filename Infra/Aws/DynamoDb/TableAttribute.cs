using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>attributes[]</c>: a key attribute and its type (<c>S</c>, <c>N</c>, <c>B</c>).</summary>
public sealed record TableAttribute : IPulumiObject
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("name", Name),
        new("type", Type),
    ];
}
