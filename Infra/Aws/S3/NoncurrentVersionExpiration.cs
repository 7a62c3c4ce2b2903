namespace Pipeline.Infra.Aws;

/// <summary><c>noncurrentVersionExpiration</c> of a lifecycle rule.</summary>
public sealed record NoncurrentVersionExpiration
{
    public required int NoncurrentDays { get; init; }
}
