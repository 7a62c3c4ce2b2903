namespace Pipeline.Infra.Tests.Policy;

public class LeastPrivilegeTests
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryRoleHoldsExactlyWhatItNeeds(string stackName)
    {
        var context = PolicyStacks.Named(stackName);
        var needs = RoleNeeds.For(context);

        needs.Keys.Should().BeEquivalentTo(context.Simulator.IdentityStatements.Keys);
        foreach (var (role, statements) in context.Simulator.IdentityStatements)
        {
            var granted = statements
                .Where(statement => statement.Effect == PolicyEffect.Allow)
                .SelectMany(statement => statement.Actions.SelectMany(action => statement.Resources.Select(resource => (action, resource))))
                .ToHashSet();
            var needed = needs[role].Select(need => need.Grant).ToHashSet();

            granted.Except(needed).Should().BeEmpty($"{role} must hold nothing it does not need");
            needed.Except(granted).Should().BeEmpty($"{role} must hold everything it needs");
        }
    }

    [Fact]
    public void StateMachinePermissionsAreDerivedFromItsTaskResources()
    {
        var context = PolicyStacks.Dev;
        var needs = RoleNeeds.For(context)[LogicalNames.Role(LogicalNames.ExpressMachine)];

        needs.Where(need => need.Action == "lambda:InvokeFunction").Select(need => need.Resource).Should().BeEquivalentTo(
            Functions.Catalog.HandlerCatalog.All.Select(function => context.Arn(LogicalNames.Function(function.Id))));
        needs.Where(need => need.Action == "sns:Publish").Select(need => need.Resource).Should().Equal(context.Arn(LogicalNames.Topic));
        needs.Should().OnlyContain(need => need.Resource != "*" || MandatedWildcards.All.Any(wildcard => wildcard.Actions.Contains(need.Action)));
    }

    [Fact]
    public void AnExtraGrantIsCaughtAsNotNeeded()
    {
        var stack = Stacks.Dev.Replace<Aws.Iam.IamRolePolicy>(PolicyStacks.FunctionPolicy(Functions.Contracts.FunctionIds.Validate), policy => policy with
        {
            Policy = new PolicyDocument([.. policy.Policy.Statements, new PolicyStatement
            {
                Sid = "ReadUploads",
                Actions = ["s3:GetObject"],
                Resources = [Model.Input.Of($"{Stacks.Dev.Get<Aws.S3.S3Bucket>(LogicalNames.IngestBucket).ArnOutput}/incoming/*")],
            }]),
        });
        var context = new Infra.Policy.PolicyContext(stack, RepositoryRoot.Path);

        var role = PolicyStacks.FunctionRole(Functions.Contracts.FunctionIds.Validate);
        var granted = context.Simulator.IdentityStatements[role].SelectMany(statement => statement.Actions.SelectMany(action => statement.Resources.Select(resource => (action, resource))));

        granted.Except(RoleNeeds.For(context)[role].Select(need => need.Grant))
            .Should().Equal(("s3:GetObject", context.Arn(LogicalNames.IngestBucket) + "/incoming/*"));
    }
}
