namespace Pipeline.Infra.Tests.Support;

/// <summary>Reading policies out of the model: every statement with where it lives, and inputs as program text.</summary>
public static class PolicyInspection
{
    public static string Text(Input input) => PulumiText.Render(input);

    public static PolicyDocument RolePolicy(Stack stack, string roleLogicalName) =>
        stack.All<IamRolePolicy>().Single(policy => policy.Role is Reference { Property: "id" } role && role.Target == roleLogicalName).Policy;

    public static IEnumerable<(Resource Owner, PolicyStatement Statement)> AllStatements(Stack stack) =>
        stack.Resources.SelectMany(resource => Documents(resource).SelectMany(document => document.Statements.Select(statement => (resource, statement))));

    private static IEnumerable<PolicyDocument> Documents(Resource resource) => resource switch
    {
        KmsKey key => [key.Policy],
        S3BucketPolicy bucket => [bucket.Policy],
        SqsQueuePolicy queue => [queue.Policy],
        SnsTopicPolicy topic => [topic.Policy],
        IamRole role => [role.AssumeRolePolicy],
        IamRolePolicy policy => [policy.Policy],
        _ => [],
    };
}
