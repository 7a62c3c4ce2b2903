using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>deadLetterConfig</c> of a target.</summary>
public sealed record EventTargetDeadLetterConfig : IPulumiObject
{
    public required Input Arn { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("arn", Arn),
    ];
}
