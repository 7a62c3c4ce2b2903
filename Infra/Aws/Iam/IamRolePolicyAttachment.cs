using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Iam;

/// <summary>A managed policy attached to a role. The program attaches none; the IAM4 rule rejects AWS managed ones.</summary>
public sealed partial record IamRolePolicyAttachment : Resource
{
    public static readonly ResourceType Token = new("iam", "RolePolicyAttachment");

    public IamRolePolicyAttachment(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    /// <summary>The role name.</summary>
    public required Input Role { get; init; }

    public required Input PolicyArn { get; init; }
}
