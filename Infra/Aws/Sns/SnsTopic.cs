using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Sns;

/// <summary>An SNS topic.</summary>
public sealed partial record SnsTopic : Resource
{
    public static readonly ResourceType Token = new("sns", "Topic");

    public SnsTopic(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public Input? KmsMasterKeyId { get; init; }
}
