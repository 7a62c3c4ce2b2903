using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Tests.Policies;

public class KeyPolicies
{
    private static PolicyStatement Statement(Stack stack, string sid) =>
        stack.Get<KmsKey>(LogicalNames.Key).Policy.Statements.Single(statement => statement.Sid == sid);

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void ProjectKeyRotates(string stackName) =>
        Stacks.Named(stackName).Get<KmsKey>(LogicalNames.Key).EnableKeyRotation.Should().BeTrue();

    [Fact]
    public void AccountPrincipalsUseTheKeyOnlyThroughThePipelinesServices()
    {
        var stack = Stacks.Dev;
        var administer = Statement(stack, "AccountAdministersKey");
        var use = Statement(stack, "AccountUsesKeyThroughPipelineServices");

        administer.Actions.Should().NotContain(["kms:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*"]);
        use.Conditions.Single(condition => condition.Key == "kms:ViaService").Values.Select(PolicyInspection.Text)
            .Should().BeEquivalentTo("s3.${region}.amazonaws.com", "dynamodb.${region}.amazonaws.com", "sqs.${region}.amazonaws.com", "sns.${region}.amazonaws.com");
    }

    [Fact]
    public void CloudWatchLogsMayUseTheKeyOnlyForThePipelinesLogGroups()
    {
        var stack = Stacks.Prod;
        var logs = Statement(stack, "CloudWatchLogsEncryptsPipelineLogGroups");

        PolicyInspection.Text(logs.Principal!.Identifiers.Single()).Should().Be("logs.${region}.amazonaws.com");
        logs.Conditions.Single().Values.Select(PolicyInspection.Text).Should().BeEquivalentTo(
            stack.All<CloudWatchLogGroup>().Select(group => $"arn:aws:logs:${{region}}:${{accountId}}:log-group:{group.Name}"));
    }

    [Fact]
    public void EventBridgeMayUseTheKeyOnlyForThePipelinesRules()
    {
        var stack = Stacks.Prod;

        Statement(stack, "EventBridgeWritesDeadLetters").Conditions.Single().Values.Select(PolicyInspection.Text).Should().BeEquivalentTo(
            stack.All<CloudWatchEventRule>().Select(rule => $"arn:aws:events:${{region}}:${{accountId}}:rule/{rule.Name}"));
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryEncryptedResourceUsesTheProjectKey(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var key = stack[LogicalNames.Key].ArnOutput;

        stack.All<SqsQueue>().Should().OnlyContain(queue => queue.KmsMasterKeyId == key);
        stack.All<SnsTopic>().Should().OnlyContain(topic => topic.KmsMasterKeyId == key);
        stack.All<CloudWatchLogGroup>().Should().OnlyContain(group => group.KmsKeyId == key);
    }
}
