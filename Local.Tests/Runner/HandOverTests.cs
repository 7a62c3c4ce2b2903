using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Rendering;

namespace Pipeline.Local.Tests.Runner;

/// <summary>
/// The Express machine as it deploys, run on the engine: every object arrives there (the upload rule compares no size),
/// and its first state hands objects of the threshold or more over to the Standard machine, however large.
/// </summary>
public sealed class HandOverTests
{
    private static readonly string Definition =
        AslRenderer.Render(PipelineWorkflow.Create(variant: WorkflowVariant.Express), WorkflowVariant.Express, new ExampleArnResolver(LocalStack.StackName));

    private static Task<(ExecutionResult Result, TaskRegistry Registry)> RunAsync(long size) => RunAsync(size, new TaskRegistry());

    private static async Task<(ExecutionResult Result, TaskRegistry Registry)> RunAsync(long size, TaskRegistry registry)
    {
        var input = ObjectCreatedEvent.Create("ingest", "incoming/a.ndjson", size, "etag", Asl.Start, "7c1a9f4e-0b5d-4a57-9f0e-2d1c3b4a5e6f");
        var result = await Asl.RunAsync(Definition, input.ToJsonString(), registry, Asl.Options(WorkflowVariant.Express));
        return (result, registry);
    }

    [Theory]
    [InlineData(PipelineWorkflowOptions.DefaultExpressMaxObjectBytes)]
    [InlineData(1_000_000_001)]
    [InlineData(5_497_558_138_880)]
    public async Task AnObjectOfTheThresholdOrMore_IsHandedOverToTheStandardMachineUnderTheEventsId(long size)
    {
        var (result, registry) = await RunAsync(size);

        result.ShouldSucceed();
        var start = registry.Starts.All.Should().ContainSingle().Subject;
        start.StateMachineArn.Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:pipeline-local-standard");
        start.Name.Should().Be("7c1a9f4e-0b5d-4a57-9f0e-2d1c3b4a5e6f");
        start.Input!["detail"]!["object"]!["size"]!.GetValue<long>().Should().Be(size);
        result.LambdaInvocations.Should().BeEmpty("the Express machine loads nothing it hands over");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PipelineWorkflowOptions.DefaultExpressMaxObjectBytes - 1)]
    public async Task ASmallerObject_IsLoadedByTheExpressMachineItself(long size)
    {
        var (result, registry) = await RunAsync(size);

        registry.Starts.All.Should().BeEmpty();
        result.Events(HistoryEventType.TaskStateEntered).First().Details["name"]!.GetValue<string>().Should().Be("LoadBatch");
    }

    [Fact]
    public async Task AnEventHandedOverBefore_EndsTheExpressExecutionAsDone_NotAsAFailure()
    {
        var registry = new TaskRegistry();
        registry.Starts.Add(new ExecutionStart(
            "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline-local-standard", "7c1a9f4e-0b5d-4a57-9f0e-2d1c3b4a5e6f", new System.Text.Json.Nodes.JsonObject()));

        var (result, _) = await RunAsync(2 * PipelineWorkflowOptions.DefaultExpressMaxObjectBytes, registry);

        result.ShouldSucceed();
        result.Events(HistoryEventType.TaskFailed).Should().ContainSingle("StartExecution's refusal of a used name is not retried")
            .Which.Details["error"]!.GetValue<string>().Should().Be(PipelineWorkflow.ExecutionAlreadyExists);
        registry.Outbox.Messages.Should().BeEmpty("a redelivered event is no failure to report");
    }
}
