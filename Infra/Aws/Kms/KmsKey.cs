using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Kms;

/// <summary>The project key: encrypts the bucket, table, queue, topic and log groups.</summary>
public sealed partial record KmsKey : Resource
{
    public static readonly ResourceType Token = new("kms", "Key");

    public KmsKey(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Description { get; init; }

    public required bool EnableKeyRotation { get; init; }

    public required int DeletionWindowInDays { get; init; }

    public required PolicyDocument Policy { get; init; }
}
