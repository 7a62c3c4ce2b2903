using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Iam;

/// <summary>The inline policy of a role.</summary>
public sealed partial record IamRolePolicy : Resource
{
    public static readonly ResourceType Token = new("iam", "RolePolicy");

    public IamRolePolicy(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>The role name.</summary>
    public required Input Role { get; init; }

    public required PolicyDocument Policy { get; init; }
}
