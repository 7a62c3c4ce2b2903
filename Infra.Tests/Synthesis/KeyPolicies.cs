namespace Pipeline.Infra.Tests.Synthesis;

public class KeyPolicies
{
    private static PolicyStatement Statement(Stack stack, string sid) =>
        stack.Get<KmsKey>(LogicalNames.Key).Policy.Statements.Single(statement => statement.Sid == sid);

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void ProjectKeyRotates(string stackName) =>
        Stacks.Named(stackName).Get<KmsKey>(LogicalNames.Key).EnableKeyRotation.Should().BeTrue();

    [Fact]
    public void AccountPrincipalsUseTheKeyOnlyThroughEachServiceWithThatServicesDocumentedMinimum()
    {
        var stack = Stacks.Dev;
        var administer = Statement(stack, "AccountAdministersKey");

        administer.Actions.Should().NotContain(action => action.Contains('*', StringComparison.Ordinal) || action == "kms:CreateGrant"
            || action == "kms:Decrypt" || action == "kms:Encrypt" || action.StartsWith("kms:GenerateDataKey", StringComparison.Ordinal));
        var grants = Statement(stack, "AccountCreatesGrantsOnlyForAwsResources");
        grants.Actions.Should().Equal("kms:CreateGrant");
        grants.Conditions.Should().ContainSingle().Which.Should().Be(PolicyCondition.Bool("kms:GrantIsForAWSResource", true));
        foreach (var (service, actions) in new[]
        {
            ("s3", new[] { "kms:Decrypt", "kms:GenerateDataKey" }),
            ("dynamodb", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"]),
            ("sqs", ["kms:Decrypt", "kms:GenerateDataKey"]),
            ("sns", ["kms:Decrypt", "kms:GenerateDataKey*"]),
            ("states", ["kms:Decrypt", "kms:GenerateDataKey"]),
        })
        {
            var use = stack.Get<KmsKey>(LogicalNames.Key).Policy.Statements.Single(statement =>
                statement.Conditions.Any(condition => condition.Key == "kms:ViaService" && PolicyInspection.Text(condition.Values.Single()) == $"{service}.${{region}}.amazonaws.com")
                && statement.Principal!.Type == PolicyPrincipal.AwsType);
            use.Actions.Should().Equal(actions, service);
            use.Conditions.Should().Contain(condition => condition.Key == "kms:CallerAccount", service);
        }
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
    public void EventBridgeMayUseTheKeyOnlyThroughSqsForTheDeadLetterQueue()
    {
        var stack = Stacks.Prod;
        var conditions = Statement(stack, "EventBridgeWritesDeadLetters").Conditions.ToDictionary(condition => condition.Key, condition => condition.Values.Select(PolicyInspection.Text).Single());

        conditions.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["kms:ViaService"] = "sqs.${region}.amazonaws.com",
            ["kms:EncryptionContext:aws:sqs:arn"] = "arn:aws:sqs:${region}:${accountId}:pipeline-prod-dead-letters",
        });
    }

    [Fact]
    public void CloudWatchMayUseTheKeyOnlyForThisStacksAlarmsInThisAccount()
    {
        var conditions = Statement(Stacks.Dev, "CloudWatchAlarmsNotifyEncryptedTopic").Conditions;

        conditions.Should().BeEquivalentTo([
            PolicyCondition.StringEquals("aws:SourceAccount", AwsAccount.AccountId),
            PolicyCondition.ArnLike("aws:SourceArn", AwsAccount.AlarmArn("pipeline-dev-*")),
        ]);
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
