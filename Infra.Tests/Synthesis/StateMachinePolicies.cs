using System.Text.Json.Nodes;
using Pipeline.Functions.Catalog;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Tests.Synthesis;

public class StateMachinePolicies
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void TheExpressMachineRunsTheStandardDefinitionBehindAHandOverOfLargeObjects(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var standardMachine = stack.Get<SfnStateMachine>(LogicalNames.StandardMachine);
        var expressMachine = stack.Get<SfnStateMachine>(LogicalNames.ExpressMachine);
        var standard = JsonNode.Parse(PulumiText.Render(standardMachine.Definition))!.AsObject();
        var express = JsonNode.Parse(PulumiText.Render(expressMachine.Definition))!.AsObject();

        standardMachine.Type.Should().Be("STANDARD");
        expressMachine.Type.Should().Be("EXPRESS");
        standard["StartAt"]!.GetValue<string>().Should().Be("LoadBatch");
        express["StartAt"]!.GetValue<string>().Should().Be("RouteBySize");
        var route = express["States"]!["RouteBySize"]!;
        var handOver = route["Choices"]![0]!;
        handOver["Variable"]!.GetValue<string>().Should().Be("$.detail.object.size");
        handOver["NumericGreaterThanEquals"]!.GetValue<long>().Should().Be(stack.Settings.ExpressMaxObjectBytes);
        handOver["Next"]!.GetValue<string>().Should().Be("HandOverToStandard");
        route["Default"]!.GetValue<string>().Should().Be("LoadBatch");
        var start = express["States"]!["HandOverToStandard"]!;
        start["Resource"]!.GetValue<string>().Should().Be("arn:aws:states:::states:startExecution");
        start["Parameters"]!["StateMachineArn"]!.GetValue<string>().Should().Be($"${{{LogicalNames.StandardMachine}.arn}}");
        start["Parameters"]!["Name.$"]!.GetValue<string>().Should().Be("$.id", "the event's id names the execution, so a redelivered event starts it once");

        var processing = express["States"]!.AsObject().Where(state => state.Key is not ("RouteBySize" or "HandOverToStandard" or "HandedOverToStandard"));
        // How chunk keys reach the Map and Store's results leave it is the Map's mode: inline on Express, distributed on Standard.
        string[] mapMode = ["Validate", "ProcessChunks", "NoValidRecords", "QuarantineAndAccount"];
        foreach (var (name, state) in processing.Where(state => !mapMode.Contains(state.Key)))
        {
            JsonNode.DeepEquals(state, standard["States"]![name]).Should().BeTrue($"the Express machine's {name} is the Standard one's");
        }

        express["States"]!["ProcessChunks"]!["ItemProcessor"]!["ProcessorConfig"]!["Mode"]!.GetValue<string>().Should().Be("INLINE");
        standard["States"]!["ProcessChunks"]!["ItemProcessor"]!["ProcessorConfig"]!["Mode"]!.GetValue<string>().Should().Be("DISTRIBUTED");
        standard["States"]!["ProcessChunks"]!["ItemReader"]!["Parameters"]!["Bucket"]!.GetValue<string>().Should().Be($"${{{LogicalNames.IngestBucket}.bucket}}");

        processing.Select(state => state.Key).Should().BeEquivalentTo(standard["States"]!.AsObject().Select(state => state.Key));
    }

    [Fact]
    public void DefinitionBindsEveryTaskToAResourceArn()
    {
        var definition = Stacks.Dev.Get<SfnStateMachine>(LogicalNames.StandardMachine).Definition;
        var references = definition.References().Select(reference => reference.Expression).Distinct().ToList();

        references.Should().BeEquivalentTo(
            HandlerCatalog.All.Select(function => LogicalNames.Function(function.Id) + ".arn").Append(LogicalNames.Topic + ".arn").Append(LogicalNames.IngestBucket + ".bucket"));
    }

    [Fact]
    public void ExpressMachineStartsOnlyTheStandardMachine_ByAnArnBuiltFromItsName()
    {
        var stack = Stacks.Dev;
        var statements = PolicyInspection.RolePolicy(stack, LogicalNames.Role(LogicalNames.ExpressMachine)).Statements;
        var standardName = stack.Get<SfnStateMachine>(LogicalNames.StandardMachine).Name;

        // A reference to the Standard machine's output would work too, but the ARN from its name keeps the role free of it.
        var start = statements.Single(statement => statement.Actions.Contains("states:StartExecution"));
        start.Actions.Should().Equal("states:StartExecution");
        start.Resources.Should().Equal(AwsAccount.StateMachineArn(standardName));
        PolicyInspection.RolePolicy(stack, LogicalNames.Role(LogicalNames.StandardMachine)).Statements
            .Single(statement => statement.Actions.Contains("states:StartExecution")).Resources
            .Should().Equal([AwsAccount.StateMachineArn(standardName)], "the Standard machine starts only its own distributed Map's children");
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
    public void EveryStateMachineRoleTrustsOnlyItsOwnMachine()
    {
        foreach (var stack in new[] { Stacks.Dev, Stacks.Prod })
        {
            foreach (var machine in stack.All<SfnStateMachine>())
            {
                var role = LogicalNames.Role(machine.LogicalName);
                var trust = stack.Get<IamRole>(role).AssumeRolePolicy.Statements.Should().ContainSingle($"{stack.Name} {role} has one trust statement").Subject;

                trust.Principal.Should().Be(PolicyPrincipal.Service("states.amazonaws.com"), $"{stack.Name} {role}");
                trust.Conditions.Single(condition => condition.Key == "aws:SourceArn").Values.Select(PolicyInspection.Text)
                    .Should().Equal([$"arn:aws:states:${{region}}:${{accountId}}:stateMachine:{machine.Name}"], $"{stack.Name} {role} is assumed only by {machine.Name}");
            }
        }
    }
}
