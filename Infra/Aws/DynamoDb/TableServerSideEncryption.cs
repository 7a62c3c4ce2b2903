using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>serverSideEncryption</c>.</summary>
public sealed record TableServerSideEncryption
{
    public required bool Enabled { get; init; }

    public Input? KmsKeyArn { get; init; }
}
