using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>environment</c> of a function.</summary>
public sealed record FunctionEnvironment : IPulumiObject
{
    public required IReadOnlyDictionary<string, Input> Variables { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("variables", Variables),
    ];
}
