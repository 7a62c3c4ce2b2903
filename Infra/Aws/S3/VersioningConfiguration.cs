namespace Pipeline.Infra.Aws;

/// <summary><c>versioningConfiguration</c>.</summary>
public sealed record VersioningConfiguration
{
    /// <summary><c>Enabled</c> or <c>Suspended</c>.</summary>
    public required string Status { get; init; }
}
