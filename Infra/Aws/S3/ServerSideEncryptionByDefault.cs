using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>applyServerSideEncryptionByDefault</c>.</summary>
public sealed record ServerSideEncryptionByDefault
{
    /// <summary><c>aws:kms</c> or <c>AES256</c>.</summary>
    public required string SseAlgorithm { get; init; }

    public Input? KmsMasterKeyId { get; init; }
}
