using Pipeline.Functions;
using Pipeline.Infra.Aws;
using Pipeline.Infra.Emit;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;
using Pipeline.Workflows;

namespace Pipeline.Infra.Tests.Policies;

public class StateMachinePolicies
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void BothStateMachinesRenderTheSameDefinition(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var standard = stack.Get<SfnStateMachine>(LogicalNames.StandardMachine);
        var express = stack.Get<SfnStateMachine>(LogicalNames.ExpressMachine);

        standard.Type.Should().Be("STANDARD");
        express.Type.Should().Be("EXPRESS");
        express.Definition.Should().Be(standard.Definition);
        PulumiText.Render(express.Definition).Should().Be(PulumiText.Render(standard.Definition));
    }

    [Fact]
    public void DefinitionBindsEveryTaskToAResourceArn()
    {
        var definition = Stacks.Dev.Get<SfnStateMachine>(LogicalNames.StandardMachine).Definition;
        var references = definition.References().Select(reference => reference.Expression).Distinct().ToList();

        references.Should().BeEquivalentTo(
            HandlerCatalog.All.Select(function => LogicalNames.Function(function.Id) + ".arn").Append(LogicalNames.Topic + ".arn"));
    }

    [Fact]
    public void ExpressMachineLogsAllWithExecutionData()
    {
        var logging = Stacks.Prod.Get<SfnStateMachine>(LogicalNames.ExpressMachine).LoggingConfiguration;

        logging.Level.Should().Be("ALL");
        logging.IncludeExecutionData.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void BothMachinesAreTracedAndLogToVendedLogGroups(string stackName)
    {
        var stack = Stacks.Named(stackName);
        foreach (var machine in stack.All<SfnStateMachine>())
        {
            machine.TracingConfiguration.Enabled.Should().BeTrue();
            machine.LoggingConfiguration.Level.Should().Be("ALL");
            var logGroup = stack.Get<CloudWatchLogGroup>(LogicalNames.LogGroup(machine.LogicalName));
            logGroup.Name.Should().StartWith("/aws/vendedlogs/states/");
            PulumiText.Render(machine.LoggingConfiguration.LogDestination).Should().Be($"${{{logGroup.LogicalName}.arn}}:*");
        }
    }

    [Theory]
    [InlineData(LogicalNames.StandardMachine)]
    [InlineData(LogicalNames.ExpressMachine)]
    public void StateMachineRoleMayInvokeExactlyTheWorkflowsFunctionsAndPublishToTheTopic(string machine)
    {
        var stack = Stacks.Prod;
        var statements = PolicyInspection.RolePolicy(stack, LogicalNames.Role(machine)).Statements;
        var used = PipelineWorkflow.Create().GetResourceReferences();

        var invoke = statements.Single(statement => statement.Actions.Contains("lambda:InvokeFunction"));
        invoke.Resources.Select(PolicyInspection.Text).Should().BeEquivalentTo(used.FunctionIds.Select(id => $"${{{LogicalNames.Function(id)}.arn}}"));
        var publish = statements.Single(statement => statement.Actions.Contains("sns:Publish"));
        publish.Resources.Should().Equal(stack[LogicalNames.Topic].ArnOutput);
        statements.Where(statement => statement.Resources.Contains("*"))
            .Select(statement => statement.Wildcard!.Id).Should().BeEquivalentTo(MandatedWildcards.LogDelivery.Id, MandatedWildcards.XRayTracing.Id);
    }

    [Fact]
    public void StateMachineTrustIsLimitedToItsOwnArn()
    {
        var trust = Stacks.Dev.Get<IamRole>(LogicalNames.Role(LogicalNames.ExpressMachine)).AssumeRolePolicy.Statements.Single();

        trust.Principal.Should().Be(PolicyPrincipal.Service("states.amazonaws.com"));
        trust.Conditions.Single(condition => condition.Key == "aws:SourceArn").Values.Select(PolicyInspection.Text)
            .Should().Equal("arn:aws:states:${region}:${accountId}:stateMachine:pipeline-dev-express");
    }
}
