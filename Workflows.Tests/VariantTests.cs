using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests;

/// <summary>
/// The Express machine runs the Standard definition behind a hand-over of large objects; the Express limits apply only
/// to Express.
/// </summary>
public class VariantTests
{
    private static readonly string[] HandOverStates = ["RouteBySize", "HandOverToStandard", "HandedOverToStandard"];

    private static JsonObject Rendered(StateMachineDefinition definition, WorkflowVariant variant) =>
        JsonNode.Parse(AslRenderer.Render(definition, variant, new ExampleArnResolver()))!["States"]!.AsObject();

    /// <summary>The states whose shape the Map's mode decides: how the chunk keys reach the Map and Store's results leave it.</summary>
    private static readonly string[] MapModeStates = ["Validate", "ProcessChunks", "NoValidRecords", "QuarantineAndAccount"];

    [Fact]
    public void ExpressDefinition_ShouldBeTheStandardOneBehindTheHandOverOfLargeObjects_WithAnInlineMap()
    {
        var standard = PipelineWorkflow.Create();
        var express = PipelineWorkflow.Create(variant: WorkflowVariant.Express);

        standard.StartAt.Should().Be("LoadBatch");
        express.StartAt.Should().Be("RouteBySize");
        var standardStates = Rendered(standard, WorkflowVariant.Standard);
        var expressStates = Rendered(express, WorkflowVariant.Express);
        expressStates.Select(state => state.Key).Except(HandOverStates).Should().Equal(standardStates.Select(state => state.Key));
        foreach (var (name, state) in standardStates.Where(state => !MapModeStates.Contains(state.Key)))
        {
            JsonNode.DeepEquals(state, expressStates[name]).Should().BeTrue($"{name} is the same state in both machines");
        }
        standard.States.Select(state => state.Name).Should().NotContain(HandOverStates);
    }

    [Fact]
    public void HandOver_ShouldStartTheStandardMachineWithTheEventUnderTheEventsId_AndComparesTheConfiguredSize()
    {
        var express = PipelineWorkflow.Create(new PipelineWorkflowOptions(ExpressMaxObjectBytes: 5_242_880), WorkflowVariant.Express);
        var asl = System.Text.Json.Nodes.JsonNode.Parse(AslRenderer.Render(express, WorkflowVariant.Express, new ExampleArnResolver("prod")))!;

        var rule = asl["States"]!["RouteBySize"]!["Choices"]![0]!;
        rule["NumericGreaterThanEquals"]!.GetValue<long>().Should().Be(5_242_880);
        var parameters = asl["States"]!["HandOverToStandard"]!["Parameters"]!;
        parameters["StateMachineArn"]!.GetValue<string>().Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:pipeline-prod-standard");
        parameters["Input.$"]!.GetValue<string>().Should().Be("$");
        parameters["Name.$"]!.GetValue<string>().Should().Be("$.id");
        express.GetResourceReferences().StateMachineIds.Should().Equal(PipelineWorkflow.StandardMachineId);
        PipelineWorkflow.Create().GetResourceReferences().StateMachineIds.Should().BeEmpty();
    }

    [Fact]
    public void SyncTask_ShouldBeRejectedForExpressAndAcceptedForStandard()
    {
        var definition = StateMachineDefinition.From(
            Chain.Start(new TaskState("RunChild", "arn:aws:states:::states:startExecution.sync:2")
            {
                Parameters = Payload.Object(("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:child")),
            }));

        var forExpress = () => AslRenderer.Render(definition, WorkflowVariant.Express, new ExampleArnResolver());
        var forStandard = () => AslRenderer.Render(definition, WorkflowVariant.Standard, new ExampleArnResolver());

        forExpress.Should().Throw<WorkflowValidationException>()
            .Which.Errors.Should().ContainSingle().Which.ToString().Should().Be(
                "RunChild: Express workflows cannot use the .sync integration pattern (Resource 'arn:aws:states:::states:startExecution.sync:2')");
        forStandard.Should().NotThrow().Which.Should().Contain("startExecution.sync:2");
    }

    [Fact]
    public void SixHundredSecondTimeout_ShouldBeRejectedForExpressAndAcceptedForStandard()
    {
        var options = new PipelineWorkflowOptions(ExecutionTimeoutSeconds: 600);

        var forExpress = () => AslRenderer.Render(PipelineWorkflow.Create(options, WorkflowVariant.Express), WorkflowVariant.Express, new ExampleArnResolver());
        var forStandard = () => AslRenderer.Render(PipelineWorkflow.Create(options), WorkflowVariant.Standard, new ExampleArnResolver());

        forExpress.Should().Throw<WorkflowValidationException>()
            .Which.Errors.Select(error => error.ToString()).Should().Equal("State machine: TimeoutSeconds 600 exceeds the Express limit of 300 s");
        forStandard.Should().NotThrow().Which.Should().Contain("\"TimeoutSeconds\": 600");
    }
}
