using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>deadLetterConfig</c> of a target.</summary>
public sealed record EventTargetDeadLetterConfig
{
    public required Input Arn { get; init; }
}
