using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>serverSideEncryption</c>.</summary>
public sealed record TableServerSideEncryption : IPulumiObject
{
    public required bool Enabled { get; init; }

    public Input? KmsKeyArn { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("enabled", Enabled),
        new("kmsKeyArn", KmsKeyArn),
    ];
}
