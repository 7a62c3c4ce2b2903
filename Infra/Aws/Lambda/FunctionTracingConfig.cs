using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>tracingConfig</c> of a function.</summary>
public sealed record FunctionTracingConfig : IPulumiObject
{
    /// <summary><c>Active</c> or <c>PassThrough</c>.</summary>
    public required string Mode { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("mode", Mode),
    ];
}
