using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Kms;

/// <summary>A readable name for the project key.</summary>
public sealed partial record KmsAlias : Resource
{
    public static readonly ResourceType Token = new("kms", "Alias");

    public KmsAlias(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary><c>alias/...</c></summary>
    public required string Name { get; init; }

    public required Input TargetKeyId { get; init; }
}
