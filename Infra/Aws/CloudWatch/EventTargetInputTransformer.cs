using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>inputTransformer</c> of a target: what the target receives instead of the event, built from its fields.</summary>
public sealed record EventTargetInputTransformer : IPulumiObject
{
    public required IReadOnlyDictionary<string, Input> InputPaths { get; init; }

    public required string InputTemplate { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("inputPaths", InputPaths),
        new("inputTemplate", InputTemplate),
    ];
}
