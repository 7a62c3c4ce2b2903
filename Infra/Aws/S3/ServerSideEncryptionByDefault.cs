using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>applyServerSideEncryptionByDefault</c>.</summary>
public sealed record ServerSideEncryptionByDefault : IPulumiObject
{
    /// <summary><c>aws:kms</c> or <c>AES256</c>.</summary>
    public required string SseAlgorithm { get; init; }

    public Input? KmsMasterKeyId { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("sseAlgorithm", SseAlgorithm),
        new("kmsMasterKeyId", KmsMasterKeyId),
    ];
}
