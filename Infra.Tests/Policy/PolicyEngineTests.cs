namespace Pipeline.Infra.Tests.Policy;

public class PolicyEngineTests
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void SynthesizedStackMustPassEveryRule(string stackName)
    {
        var report = PolicyEngine.Evaluate(Stacks.Named(stackName), DeploymentPackage.ProjectRoot);

        report.Unsuppressed.Should().BeEmpty();
        report.Passed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EverySuppressionIsExplainedAndStillNeeded(string stackName)
    {
        var report = PolicyEngine.Evaluate(Stacks.Named(stackName), DeploymentPackage.ProjectRoot);

        PolicySuppressions.All.Should().OnlyContain(suppression => suppression.Reason.Length > 40);
        report.Applied.Should().BeEquivalentTo(PolicySuppressions.All);
        report.Findings.Should().HaveCount(PolicySuppressions.All.Count);
    }

    [Fact]
    public void EveryRuleHasAUniqueIdAndASentence()
    {
        PolicyRules.All.Select(rule => rule.Id).Should().OnlyHaveUniqueItems();
        PolicyRules.All.Should().AllSatisfy(rule =>
        {
            rule.Sentence.Should().EndWith(".", $"{rule.Id}'s sentence is one");
            rule.Sentence.Length.Should().BeGreaterThan(20, $"{rule.Id}'s sentence says what the rule checks");
        });
        PolicyRules.All.Select(rule => rule.Id).Should().Contain(
            ["IAM4", "IAM5", "S1", "S2", "S10", "DDB3", "SF1", "SF2", "SQS3", "SQS4", "SNS3", "KMS5", "L1", "LOG1"]);
    }

    [Fact]
    public void FindingNamesTheRuleTheResourceAndWhatIsWrong()
    {
        var stack = Stacks.Dev.Replace<KmsKey>(LogicalNames.Key, key => key with { EnableKeyRotation = false });

        var finding = PolicyEngine.Evaluate(stack, DeploymentPackage.ProjectRoot).Unsuppressed.Should().ContainSingle().Subject;

        finding.Should().Be(new Finding("KMS5", LogicalNames.Key, "key rotation is off"));
    }

    [Fact]
    public void PolicyCommandPrintsRolesFindingsAndSuppressions()
    {
        var (exitCode, output, _) = CommandRunner.Run("policy", "--stack", "prod");

        exitCode.Should().Be(0);
        output.Should().Contain("storeFunctionRole").And.Contain("dynamodb:BatchWriteItem dynamodb:UpdateItem")
            .And.Contain("Findings: 0").And.Contain($"Suppressions: {PolicySuppressions.All.Count}")
            .And.Contain(PolicySuppressions.All[0].Reason);
    }

    [Fact]
    public void PolicyReportListsAnUnsuppressedFindingAndFails()
    {
        var stack = Stacks.Dev.Replace<SfnStateMachine>(LogicalNames.StandardMachine,
            machine => machine with { TracingConfiguration = new StateMachineTracingConfiguration { Enabled = false } });
        var report = PolicyEngine.Evaluate(stack, DeploymentPackage.ProjectRoot);

        var text = PolicyCommand.Format(new PolicyContext(stack, DeploymentPackage.ProjectRoot), report);

        report.Passed.Should().BeFalse();
        text.Should().Contain("Findings: 1").And.MatchRegex(@"SF2\s+standardStateMachine\s+X-Ray tracing is off");
    }

    [Fact]
    public void PolicyCommandRejectsAnUnknownStack()
    {
        CommandRunner.Run("policy", "--stack", "staging").ExitCode.Should().NotBe(0);
    }
}
