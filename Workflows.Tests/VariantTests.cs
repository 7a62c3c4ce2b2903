namespace Pipeline.Workflows.Tests;

/// <summary>One definition instance serves both state machines; the Express limits apply only to Express.</summary>
public class VariantTests
{
    [Fact]
    public void OneDefinitionInstance_ShouldRenderBothVariants()
    {
        var definition = PipelineWorkflow.Create();
        var resolver = new ExampleArnResolver();

        var standard = AslRenderer.Render(definition, WorkflowVariant.Standard, resolver);
        var express = AslRenderer.Render(definition, WorkflowVariant.Express, resolver);

        standard.Should().Contain("\"StartAt\": \"LoadBatch\"");
        express.Should().Be(standard, "the variants differ only in the rules they must meet, not in what renders");
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
        var definition = PipelineWorkflow.Create(new PipelineWorkflowOptions(ExecutionTimeoutSeconds: 600));

        var forExpress = () => AslRenderer.Render(definition, WorkflowVariant.Express, new ExampleArnResolver());
        var forStandard = () => AslRenderer.Render(definition, WorkflowVariant.Standard, new ExampleArnResolver());

        forExpress.Should().Throw<WorkflowValidationException>()
            .Which.Errors.Select(error => error.ToString()).Should().Equal("State machine: TimeoutSeconds 600 exceeds the Express limit of 300 s");
        forStandard.Should().NotThrow().Which.Should().Contain("\"TimeoutSeconds\": 600");
    }
}
