namespace Pipeline.Infra.Tests.Synthesis;

public class IamPolicies
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void WildcardResourcesAreOnlyTheMandatedOnes(string stackName)
    {
        var wildcards = PolicyInspection.AllStatements(Stacks.Named(stackName))
            .Where(entry => entry.Statement.Resources.Any(resource => PolicyInspection.Text(resource).Contains('*', StringComparison.Ordinal)
                && !PolicyInspection.Text(resource).EndsWith("/*", StringComparison.Ordinal)
                && !PolicyInspection.Text(resource).EndsWith(":*", StringComparison.Ordinal)))
            .ToList();

        wildcards.Should().NotBeEmpty();
        foreach (var (owner, statement) in wildcards)
        {
            statement.Resources.Should().Equal(["*"], $"{owner.LogicalName}/{statement.Sid} may use * only alone");
            statement.Wildcard.Should().NotBeNull($"{owner.LogicalName}/{statement.Sid} uses * without a mandated reason");
            MandatedWildcards.All.Should().Contain(statement.Wildcard!);
            if (owner is KmsKey)
            {
                statement.Wildcard.Should().Be(MandatedWildcards.KeyPolicySelf);
            }
            else
            {
                statement.Actions.Should().BeEquivalentTo(statement.Wildcard!.Actions);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryTrustPolicyNamesOneServiceFromThisAccount(string stackName)
    {
        var roles = Stacks.Named(stackName).All<IamRole>().ToList();

        roles.Should().HaveCount(5 + 2 + 1);
        foreach (var role in roles)
        {
            var trust = role.AssumeRolePolicy.Statements.Should().ContainSingle().Subject;
            trust.Actions.Should().Equal("sts:AssumeRole");
            trust.Principal!.Type.Should().Be(PolicyPrincipal.ServiceType);
            trust.Principal.Identifiers.Should().ContainSingle();
            trust.Conditions.Should().Contain(PolicyCondition.StringEquals("aws:SourceAccount", Infra.Synthesis.AwsAccount.AccountId));
        }
    }

    [Fact]
    public void NoAllowStatementGrantsEveryAction() =>
        PolicyInspection.AllStatements(Stacks.Prod)
            .Where(entry => entry.Statement.Effect == PolicyEffect.Allow)
            .Should().NotContain(entry => entry.Statement.Actions.Any(action => action == "*" || action.EndsWith(":*", StringComparison.Ordinal)));
}
