using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Iam;

/// <summary>An IAM role.</summary>
public sealed partial record IamRole : Resource
{
    public static readonly ResourceType Token = new("iam", "Role");

    public IamRole(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Description { get; init; }

    public required PolicyDocument AssumeRolePolicy { get; init; }
}
